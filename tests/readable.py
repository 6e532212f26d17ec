"""Whether text on a page can be read in full where it stands: for the browser tests of what a phone shows."""

from __future__ import annotations

from playwright.sync_api import Page

_UNREADABLE = """([within, texts]) => {
    const problems = [];
    const visible = (e) => e.getClientRects().length > 0 && !e.closest(".sl-visually-hidden");
    for (const box of document.querySelectorAll(within)) {
        if (!visible(box)) continue;
        const edge = box.getBoundingClientRect();
        const right = Math.min(edge.right, document.documentElement.clientWidth);
        for (const e of [box, ...box.querySelectorAll("*")]) {
            if (!visible(e)) continue;
            const style = getComputedStyle(e);
            if (style.textOverflow === "ellipsis" && style.overflowX !== "visible" && style.whiteSpace === "nowrap") {
                problems.push("cut short with an ellipsis: " + e.textContent.trim().slice(0, 60));
            } else if (style.overflowX !== "visible" && e.scrollWidth > e.clientWidth + 1) {
                problems.push("overflows, hidden or scrolled: " + e.textContent.trim().slice(0, 60));
            }
        }
        for (const e of [box, ...box.querySelectorAll(texts)]) {
            if (!e.matches(texts) || !visible(e)) continue;
            const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (!node.parentElement || !visible(node.parentElement)) continue;
                for (const word of node.data.matchAll(/[^\\s\\-\u2013\\/]+/g)) {  // a line may break after a dash
                    const range = document.createRange();
                    range.setStart(node, word.index);
                    range.setEnd(node, word.index + word[0].length);
                    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
                    if (rects.some((r) => r.left < edge.left - 1 || r.right > right + 1)) {
                        problems.push("runs out of its box: " + word[0]);
                    }
                    const width = rects.reduce((sum, r) => sum + r.width, 0);
                    if (rects.length > 1 && width <= box.clientWidth) {
                        problems.push("a word that fits a line of the box is cut in two: " + word[0]);
                    }
                }
            }
        }
    }
    return problems;
}"""


def unreadable(page: Page, within: str, texts: str) -> list[str]:
    """What cannot be read in full in the boxes ``within`` selects: text cut short (an ellipsis, overflow hidden or
    scrolled away), a word of the elements ``texts`` selects that runs out of the box or is broken over two lines
    although it fits on one line of the box, as it does in a column too narrow for it (a line may break after a
    hyphen, a dash or a slash)."""
    problems: list[str] = page.evaluate(_UNREADABLE, [within, texts])
    return problems
