"""axe-core in the browser tests: the vendored copy in tests/browser/vendor/ (no CDN), injected
into the page; the rules are WCAG 2.1 A and AA plus axe's best practices."""

from pathlib import Path

AXE = Path(__file__).parent / "vendor" / "axe-4.14.1.min.js"
AXE_RUN = """async () => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}
  });
  return result.violations.map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).join(", "));
}"""


def violations(page):
    """The axe violations of what ``page`` shows now, as ``rule: targets`` lines."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(AXE_RUN)
