// @ts-check
// Progressive enhancement of a sayso view (the HTML is complete without it): hovering or
// clicking a claim card, an event row, an entity or a time highlights its spans in the text,
// and hovering or clicking a span in the text highlights its card, row or entry. Keyboard:
// every card, row and entry takes the focus (Tab), which selects it; Enter or Space does too.
//
// Records are named by tokens: c<i> a claim, e<i> an entity, t<i> a time, v<i> an event (its
// trigger), with i the record's index in the document. Marks in the text carry
// data-m="<token>" (an event's participants and place carry a<i>); cards, rows and entries
// carry data-r="<token>", and data-rel the tokens of related claims (relations, parent).
// Links to #<view id>-<token> (a card, row or entry) or #<view id>-x-<token> (the record's
// first mark in the text) select the record instead of jumping.

/**
 * Makes one view interactive. Safe to call twice.
 * @param {HTMLElement | null} view the element with class sayso-view
 */
function saysoEnhance(view) {
  if (!view || view.dataset.enhanced) return;
  const root = view;
  root.dataset.enhanced = "1";
  const text = /** @type {HTMLElement | null} */ (root.querySelector(".sv-text"));
  /** @type {Element[]} */
  let on = [];
  /** @type {Element[]} */
  let hov = [];
  /** @type {string | null} */
  let hovered = null;

  /** @param {string} r */
  const marks = (r) => {
    const sel = r[0] === "v" ? `[data-m="${r}"],[data-m="a${r.slice(1)}"]` : `[data-m="${r}"]`;
    return text ? Array.from(text.querySelectorAll(sel)) : [];
  };
  /** @param {string} r */
  const item = (r) => root.querySelector(`[data-r="${r}"]`);

  /**
   * Scrolls `el` into the middle of its scrolling box, never the page around the view.
   * @param {Element} el
   * @param {HTMLElement | null} box
   */
  function reveal(el, box) {
    if (!box || !(el instanceof HTMLElement)) return;
    const top = el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    box.scrollTop = Math.max(0, top - box.clientHeight / 2);
  }

  /**
   * The records a card, row or entry stands for, itself first.
   * @param {Element} el
   */
  function related(el) {
    const rel = el.getAttribute("data-rel");
    return rel ? rel.split(" ") : [];
  }

  /**
   * Selects record `r`: its marks in the text, its card, row or entry, and related cards.
   * @param {string} r
   * @param {"text" | "item" | null} scroll which side to bring into view
   */
  function select(r, scroll) {
    for (const el of on) el.classList.remove("sv-on", "sv-rel");
    for (const el of on) el.removeAttribute("aria-current");
    const hits = marks(r);
    const own = item(r);
    on = hits.slice();
    for (const el of hits) el.classList.add("sv-on");
    if (own) {
      own.classList.add("sv-on");
      own.setAttribute("aria-current", "true");
      on.push(own);
      for (const rr of related(own)) {
        const other = item(rr);
        if (other) {
          other.classList.add("sv-rel");
          on.push(other);
        }
      }
    }
    if (scroll === "text" && hits.length) reveal(hits[0], text);
    if (scroll === "item" && own) own.scrollIntoView({ block: "nearest" });
  }

  /** @param {string | null} r */
  function hover(r) {
    if (r === hovered) return;
    for (const el of hov) el.classList.remove("sv-hov");
    hov = [];
    hovered = r;
    if (!r) return;
    hov = marks(r);
    const own = item(r);
    if (own) hov.push(own);
    for (const el of hov) el.classList.add("sv-hov");
  }

  /**
   * The record a mark in the text belongs to: the innermost visible mark (a trigger, an
   * entity, a time, or a claim's source, cue or content); an event's participants and place
   * are unmarked until selected, so they count only where nothing else is.
   * @param {Element} el
   */
  function recordOfMark(el) {
    /** @type {string | null} */
    let arg = null;
    for (let n = /** @type {Element | null} */ (el); n && n !== text; n = n.parentElement) {
      const m = n.getAttribute("data-m");
      if (!m) continue;
      if (m[0] !== "a") return m;
      if (!arg) arg = "v" + m.slice(1);
    }
    return arg;
  }

  /**
   * What the event at `target` is about: a record token, and which side it came from.
   * @param {EventTarget | null} target
   * @returns {{ r: string, from: "text" | "item" | "link" } | null}
   */
  function locate(target) {
    if (!(target instanceof Element) || !root.contains(target)) return null;
    const a = target.closest("a[href]");
    const href = a ? a.getAttribute("href") || "" : "";
    const own = "#" + root.id + "-";
    if (href.startsWith(own)) {
      const r = href.slice(own.length);
      return { r: r.startsWith("x-") ? r.slice(2) : r, from: "link" };
    }
    const mark = target.closest("[data-m]");
    if (mark && text && text.contains(mark)) {
      const r = recordOfMark(mark);
      return r ? { r, from: "text" } : null;
    }
    const entry = target.closest("[data-r]");
    if (entry) return { r: entry.getAttribute("data-r") || "", from: "item" };
    return null;
  }

  root.addEventListener("click", (ev) => {
    const hit = locate(ev.target);
    if (!hit) return;
    if (hit.from === "link") {
      ev.preventDefault();
      select(hit.r, "text");
      const own = item(hit.r);
      if (own instanceof HTMLElement) {
        own.scrollIntoView({ block: "nearest" });
        own.focus({ preventScroll: true });
      }
    } else {
      select(hit.r, hit.from === "text" ? "item" : "text");
    }
  });
  root.addEventListener("focusin", (ev) => {
    const t = ev.target;
    if (t instanceof Element && t.hasAttribute("data-r")) select(t.getAttribute("data-r") || "", "text");
  });
  root.addEventListener("keydown", (ev) => {
    const t = ev.target;
    if ((ev.key === "Enter" || ev.key === " ") && t instanceof Element && t.hasAttribute("data-r")) {
      ev.preventDefault();
      select(t.getAttribute("data-r") || "", "text");
    }
  });
  root.addEventListener("mouseover", (ev) => {
    const hit = locate(ev.target);
    hover(hit ? hit.r : null);
  });
  root.addEventListener("mouseleave", () => hover(null));
}
