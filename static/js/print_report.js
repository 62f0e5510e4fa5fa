// The printable leadership report: "In báo cáo" opens the browser's print dialog (no inline script: CSP).
document.addEventListener("DOMContentLoaded", () => {
  const button = document.getElementById("print-report");
  if (button) button.addEventListener("click", () => window.print());
});
