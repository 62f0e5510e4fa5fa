"""The demo portal: data files under ``data/`` and one thin seeder per concern that reads them.

Every seeder finds its own rows by the stable keys the data files give (slugs, codes, names) and only creates
what is missing. A row it finds already there is left exactly as it is, since someone may have edited it, and a
link is made only when the seeding run has just created one of its two ends: the demo never links, moves or
rewrites what people made.
"""
