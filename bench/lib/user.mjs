// A person at the page, for the sign-in flows: clicks where a mouse user has to (a field that does not
// already have focus, a button), types with trusted CDP input events, and counts what it did. The same
// rules drive the element and Amplify UI, so "clicks" and "codes typed" compare like with like.
//
// Selectors may cross open shadow roots with ` >>> `: `passwordless-login >>> [part~="email-input"]`.
// `{ css, text }` picks the first match of `css` whose text content is `text`.

/** @typedef {string | { css: string, text: string }} Target */

/**
 * Runs in the page: the target's centre and whether it has focus (through shadow roots), or null.
 * @param {Target} target
 */
function locate(target) {
  const { css, text } = typeof target === 'string' ? { css: target, text: undefined } : target;
  const path = css.split(' >>> ');
  /** @type {Array<Document | ShadowRoot>} */
  let roots = [document];
  for (const part of path.slice(0, -1)) roots = roots.flatMap((root) => [...root.querySelectorAll(part)].map((e) => e.shadowRoot).filter((r) => r !== null));
  const last = /** @type {string} */ (path.at(-1));
  const el = roots.flatMap((root) => [...root.querySelectorAll(last)]).find((e) => text === undefined || e.textContent?.trim() === text);
  if (!el) return null;
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  el.scrollIntoView({ block: 'nearest' });
  const r = el.getBoundingClientRect();
  return { x: r.x + r.width / 2, y: r.y + r.height / 2, focused: active === el };
}

/** @param {Target} target */
const describe = (target) => (typeof target === 'string' ? target : `${target.css} "${target.text}"`);

/**
 * @param {import('playwright-core').Page} page
 */
export function actingUser(page) {
  const counts = { clicks: 0, codes: 0 };
  /** @param {Target} target */
  async function find(target) {
    const at = await page.evaluate(locate, target);
    if (!at) throw new Error(`nothing on the page matches ${describe(target)}`);
    return at;
  }
  return {
    counts,
    /** Clicks the target (a trusted mouse click at its centre). @param {Target} target */
    async click(target) {
      const { x, y } = await find(target);
      await page.mouse.click(x, y);
      counts.clicks++;
    },
    /**
     * Types into a field, clicking it first only if it does not already have focus (a page that
     * focuses the next field itself saves its user that click).
     * @param {Target} target
     * @param {string} text
     */
    async type(target, text) {
      const { x, y, focused } = await find(target);
      if (!focused) {
        await page.mouse.click(x, y);
        counts.clicks++;
      }
      await page.keyboard.insertText(text);
    },
    /** Types an emailed code into its field. @param {Target} target @param {string} code */
    async typeCode(target, code) {
      await this.type(target, code);
      counts.codes++;
    },
  };
}
