// Which rows of a grid of cards are near the window, as pure arithmetic: the
// plan overview renders only those, with the rest stood in for by padding.

/** The slice of a list to render and the padding that stands in for the rest. */
export interface RowWindow {
  /** First item index rendered. */
  start: number;
  /** One past the last item index rendered. */
  end: number;
  /** Height in px of the rows above `start`, gaps included. */
  before: number;
  /** Height in px of the rows from `end` to the last, gaps included. */
  after: number;
}

export interface GridGeometry {
  /** Items in the list. */
  count: number;
  /** Cards per row (at least 1). */
  columns: number;
  /** Height of each row in px, measured or estimated; index = row. */
  rowHeight: (row: number) => number;
  /** Gap between rows in px. */
  gap: number;
}

export interface Viewport {
  /** Top of the list's first row, relative to the top of the window (negative when scrolled past). */
  listTop: number;
  /** Height of the window. */
  height: number;
  /** Rows within this many px above or below the window are rendered too. */
  overscan: number;
}

export function rowCount(count: number, columns: number): number {
  return Math.ceil(count / Math.max(1, columns));
}

/** Offsets of each row's top from the list's top, and the list's whole height (length rows + 1). */
export function rowOffsets(geometry: GridGeometry): number[] {
  const rows = rowCount(geometry.count, geometry.columns);
  const offsets = new Array<number>(rows + 1);
  let y = 0;
  for (let row = 0; row < rows; row += 1) {
    offsets[row] = y;
    y += geometry.rowHeight(row) + (row < rows - 1 ? geometry.gap : 0);
  }
  offsets[rows] = y;
  return offsets;
}

/**
 * The rows that meet the window widened by the overscan, widened further to
 * include the rows in `keep` (a focused or found card) when they are at most
 * `keepReach` rows away: a card far away is let go rather than rendering
 * everything between.
 */
export function visibleWindow(
  geometry: GridGeometry,
  viewport: Viewport,
  keep: number[] = [],
  keepReach = 40,
): RowWindow {
  const offsets = rowOffsets(geometry);
  const rows = offsets.length - 1;
  if (rows === 0) return { start: 0, end: 0, before: 0, after: 0 };
  const top = -viewport.listTop - viewport.overscan;
  const bottom = -viewport.listTop + viewport.height + viewport.overscan;
  // First row whose bottom is below `top`, last row whose top is above `bottom`.
  let first = firstAtOrAfter(offsets, rows, top);
  let last = lastBefore(offsets, rows, bottom);
  if (last < first) {
    // The list is wholly above or below the widened window: render nothing.
    const at = first >= rows ? rows : first;
    return { start: at * geometry.columns, end: at * geometry.columns, ...pads(offsets, rows, at, at, geometry.gap) };
  }
  for (const index of keep) {
    const row = Math.floor(index / geometry.columns);
    if (row < 0 || row >= rows) continue;
    if (row < first && first - row <= keepReach) first = row;
    if (row > last && row - last <= keepReach) last = row;
  }
  const start = first * geometry.columns;
  const end = Math.min(geometry.count, (last + 1) * geometry.columns);
  return { start, end, ...pads(offsets, rows, first, last + 1, geometry.gap) };
}

function pads(offsets: number[], rows: number, firstRow: number, endRow: number, gap: number) {
  const whole = offsets[rows]!;
  if (endRow <= firstRow) {
    // Nothing rendered: all the height is padding, split where the window is.
    const before = firstRow >= rows ? whole : offsets[firstRow]!;
    return { before, after: whole - before };
  }
  // The grid's own gap separates rendered rows; the padding covers the gap to its neighbour.
  const before = firstRow === 0 ? 0 : offsets[firstRow]!;
  const after = endRow >= rows ? 0 : whole - offsets[endRow]! + gap;
  return { before, after: Math.max(0, after) };
}

/** First row whose bottom edge is below y (rows when none). */
function firstAtOrAfter(offsets: number[], rows: number, y: number): number {
  let lo = 0;
  let hi = rows;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! > y) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Last row whose top edge is above y (-1 when none). */
function lastBefore(offsets: number[], rows: number, y: number): number {
  let lo = -1;
  let hi = rows - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! < y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
