/**
 * Wraps text from outside the translation table (a masked destination such as `a***@e***`, an
 * email address) in Unicode isolates, FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, before it is
 * put into a translated sentence. Inside an Arabic or Hebrew sentence the address then keeps its own
 * left-to-right order instead of having its trailing `***` or punctuation pulled to the other side,
 * and an address in a right-to-left script cannot reorder an English sentence either. The isolate
 * also ends any stray embedding or override characters inside the text. Isolates are invisible
 * and ignored by screen readers; they are the plain-text equivalent of `<bdi>`, which a string
 * returned by the table cannot contain.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
