from xml.etree import ElementTree

from portal.reports.charts import bar_chart, line_chart


def test_bar_chart_is_valid_svg_with_one_bar_per_item_and_escaped_labels():
    svg = bar_chart([("Tin tức <script>", 1200), ("Gương điển hình", 300)], title="Lượt xem theo chuyên mục")
    root = ElementTree.fromstring(svg)
    rects = root.findall("{http://www.w3.org/2000/svg}rect")
    assert len(rects) == 2
    assert int(rects[0].get("width")) > int(rects[1].get("width"))
    assert "<script>" not in svg
    assert "1.200" in svg


def test_line_chart_has_a_point_per_value_and_survives_empty_data():
    svg = line_chart([("01/11", 5), ("02/11", 12), ("03/11", 0)], title="Lượt xem mỗi ngày")
    root = ElementTree.fromstring(svg)
    assert len(root.findall("{http://www.w3.org/2000/svg}circle")) == 3
    ElementTree.fromstring(line_chart([], title="Trống"))
    ElementTree.fromstring(bar_chart([], title="Trống"))


def test_an_empty_bar_chart_says_there_is_nothing_rather_than_showing_a_bare_title():
    from portal.reports.charts import bar_chart

    svg = str(bar_chart([], title="Khen thưởng theo hình thức"))
    assert "Không có số liệu trong kỳ này." in svg
    assert "<rect" not in svg
