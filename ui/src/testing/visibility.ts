// Whether an element shows: not inside anything hidden with v-show (jsdom
// computes no layout, and test-utils' isVisible needs an attached document).
export function shown(element: Element): boolean {
  return element.closest('[style*="display: none"]') === null;
}
