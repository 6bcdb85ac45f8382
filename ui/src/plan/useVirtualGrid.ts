// Renders only the cards of a theme's grid that are in or near the window.
// The window scrolls the whole page, so one tracker follows scroll and resize
// for every grid and measures them together once per frame; each grid keeps the
// heights of the rows it has seen and estimates the others.
import { computed, nextTick, onMounted, onUnmounted, onUpdated, reactive, ref, watchEffect, type ComputedRef, type Ref } from 'vue';
import { rowOffsets, visibleWindow, type GridGeometry, type RowWindow } from './virtualGrid';

/** A card's height before one has been measured: an action card is about 18rem high. */
const DEFAULT_ROW_PX = 288;
/**
 * A plan with this many actions or fewer is rendered whole: its cards cost less
 * than following the scroll. Decided on the whole plan, not on what a filter
 * leaves of a grid: a filter leaving a few cards in each of many grids would
 * otherwise mount them all at once.
 */
export const ALWAYS_RENDERED = 16;

const viewport = reactive({ scrollY: 0, height: 768 });
const grids = new Set<() => void>();
let frame = 0;

function measureAll(): void {
  frame = 0;
  viewport.scrollY = window.scrollY;
  viewport.height = window.innerHeight;
  for (const measure of grids) measure();
}

/** Measure every grid in the next frame (once, however often it is asked). */
export function scheduleMeasure(): void {
  if (frame === 0) frame = requestAnimationFrame(measureAll);
}

function track(measure: () => void): void {
  if (grids.size === 0) {
    window.addEventListener('scroll', scheduleMeasure, { passive: true });
    window.addEventListener('resize', scheduleMeasure);
    viewport.scrollY = window.scrollY;
    viewport.height = window.innerHeight;
  }
  grids.add(measure);
}

function untrack(measure: () => void): void {
  grids.delete(measure);
  if (grids.size === 0) {
    window.removeEventListener('scroll', scheduleMeasure);
    window.removeEventListener('resize', scheduleMeasure);
  }
}

export interface VirtualGrid {
  /** Which items to render and the padding around them. */
  range: ComputedRef<RowWindow>;
  /** Listeners on the grid: the card holding the focus stays rendered. */
  onFocusIn: (event: FocusEvent) => void;
  onFocusOut: (event: FocusEvent) => void;
  /** Scrolls item `index` into view, renders it and returns its element. */
  reveal: (index: number) => Promise<HTMLElement | null>;
}

/**
 * `items` are the ids of the cards the grid shows, in order; `list` is the grid
 * element, whose rendered children carry `data-id`; `pinned` is an index kept
 * rendered (the card the find is on).
 */
export function useVirtualGrid(
  items: Ref<readonly string[]>,
  list: Ref<HTMLElement | null>,
  pinned: Ref<string | null>,
  /** Render every item (a small plan). */
  whole: Ref<boolean>,
): VirtualGrid {
  const columns = ref(1);
  const gap = ref(0);
  /** Top of the grid relative to the top of the document. */
  const listTop = ref(0);
  const heights = new Map<string, number>();
  const heightsSeen = ref(0);
  const focused = ref<string | null>(null);
  const estimate = ref(DEFAULT_ROW_PX);

  const geometry = computed<GridGeometry>(() => {
    void heightsSeen.value;
    const ids = items.value;
    const cols = columns.value;
    const fallback = estimate.value;
    return {
      count: ids.length,
      columns: cols,
      gap: gap.value,
      rowHeight: (row) => {
        let tallest = 0;
        for (let i = row * cols; i < Math.min(ids.length, (row + 1) * cols); i += 1) {
          tallest = Math.max(tallest, heights.get(ids[i]!) ?? fallback);
        }
        return tallest;
      },
    };
  });

  /** The card being revealed, kept rendered until it is scrolled to. */
  const revealing = ref<string | null>(null);

  // Recomputed when the items, the scroll or a measurement change, so a filter
  // renders its slice in the same pass as the count; the same object while
  // nothing changed, so scrolling within a row renders nothing.
  const range = computed<RowWindow>((previous) => {
    const count = items.value.length;
    const next =
      whole.value
        ? { start: 0, end: count, before: 0, after: 0 }
        : visibleWindow(
            geometry.value,
            { listTop: listTop.value - viewport.scrollY, height: viewport.height, overscan: viewport.height },
            [focused.value, pinned.value, revealing.value].map((id) => (id === null ? -1 : items.value.indexOf(id))),
          );
    const same =
      previous !== undefined &&
      previous.start === next.start &&
      previous.end === next.end &&
      previous.before === next.before &&
      previous.after === next.after;
    return same ? previous : next;
  });

  function measure(): void {
    const el = list.value;
    if (!el || !el.isConnected) return;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) return; // hidden (a theme filtered out)
    listTop.value = rect.top + window.scrollY;
    const style = getComputedStyle(el);
    const tracks = style.gridTemplateColumns.split(' ').filter((t) => /^[\d.]+px$/.test(t)).length;
    columns.value = Math.max(1, tracks);
    gap.value = Number.parseFloat(style.rowGap) || 0;
    let changed = false;
    for (const child of Array.from(el.children) as HTMLElement[]) {
      const id = child.dataset.id;
      if (!id) continue;
      const height = child.getBoundingClientRect().height;
      if (height > 0 && heights.get(id) !== height) {
        heights.set(id, height);
        changed = true;
      }
    }
    if (changed) {
      let sum = 0;
      for (const h of heights.values()) sum += h;
      estimate.value = sum / heights.size;
      heightsSeen.value += 1;
    }
  }

  function cardOf(target: EventTarget | null): string | null {
    const li = (target as HTMLElement | null)?.closest?.('[data-id]') as HTMLElement | null;
    return li?.dataset.id ?? null;
  }

  function onFocusIn(event: FocusEvent): void {
    focused.value = cardOf(event.target);
  }

  function onFocusOut(event: FocusEvent): void {
    if (cardOf(event.relatedTarget) === null) focused.value = null;
  }

  function rendered(id: string): HTMLElement | null {
    for (const child of Array.from(list.value?.children ?? []) as HTMLElement[]) {
      if (child.dataset.id === id) return child;
    }
    return null;
  }

  async function reveal(index: number): Promise<HTMLElement | null> {
    if (!list.value || index < 0 || index >= items.value.length) return null;
    const id = items.value[index]!;
    if (!rendered(id)) {
      // Near the card first, so only the rows around it are rendered, then exactly.
      measure();
      const row = Math.floor(index / columns.value);
      const offsets = rowOffsets(geometry.value);
      window.scrollTo({ top: Math.max(0, listTop.value + offsets[row]! - viewport.height / 3) });
      viewport.scrollY = window.scrollY;
    }
    revealing.value = id;
    await nextTick();
    const card = rendered(id);
    card?.scrollIntoView?.({ block: 'nearest' });
    revealing.value = null;
    scheduleMeasure();
    return card;
  }

  // The padding that stands in for the cards not rendered, set through the
  // CSSOM after each render (the CSP allows no inline style attribute).
  watchEffect(
    () => {
      const el = list.value;
      if (!el) return;
      el.style.paddingBlockStart = `${range.value.before}px`;
      el.style.paddingBlockEnd = `${range.value.after}px`;
    },
    { flush: 'post' },
  );

  onMounted(() => {
    track(measure);
    measure();
    scheduleMeasure();
  });
  onUpdated(scheduleMeasure);
  onUnmounted(() => untrack(measure));

  return { range, onFocusIn, onFocusOut, reveal };
}
