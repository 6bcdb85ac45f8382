import { describe, expect, it } from 'vitest';
import { rowCount, rowOffsets, visibleWindow, type GridGeometry } from './virtualGrid';

/** 100 cards, 2 per row, rows 300 px high with 20 px between: 50 rows, 50*300 + 49*20 = 15,980 px. */
const grid = (count = 100, columns = 2): GridGeometry => ({ count, columns, gap: 20, rowHeight: () => 300 });
const WHOLE = 50 * 300 + 49 * 20;

describe('virtual grid', () => {
  it('counts rows and their offsets, gaps between rows only', () => {
    expect(rowCount(101, 2)).toBe(51);
    expect(rowCount(5, 0)).toBe(5);
    const offsets = rowOffsets(grid());
    expect(offsets[0]).toBe(0);
    expect(offsets[1]).toBe(320);
    expect(offsets[50]).toBe(WHOLE);
  });

  it('renders the rows in the window and one window around, padding for the rest', () => {
    // The list starts 1,000 px above the window's top; the window is 768 high, widened by 768 each side.
    const w = visibleWindow(grid(), { listTop: -1000, height: 768, overscan: 768 });
    // Visible band 232..2536 px of the list: rows 0 (ends 300) to 7 (starts 2240).
    expect(w.start).toBe(0);
    expect(w.end).toBe(16);
    expect(w.before).toBe(0);
    // Rows 8..49 and the gap before row 8.
    expect(w.after).toBe(WHOLE - 8 * 320 + 20);
    // Rendered rows plus padding make up the whole list.
    expect(w.before + 8 * 300 + 7 * 20 + w.after).toBe(WHOLE);
  });

  it('keeps the padding exact in the middle of a long list', () => {
    const w = visibleWindow(grid(), { listTop: -8000, height: 768, overscan: 768 });
    const firstRow = w.start / 2;
    const rows = (w.end - w.start) / 2;
    expect(firstRow).toBeGreaterThan(0);
    expect(w.end).toBeLessThan(100);
    expect(w.before).toBe(firstRow * 320);
    expect(w.before + rows * 300 + (rows - 1) * 20 + w.after).toBe(WHOLE);
    // A bounded slice: about three windows' worth, not the list.
    expect(rows).toBeLessThanOrEqual(9);
  });

  it('renders nothing of a list wholly below or above the window', () => {
    expect(visibleWindow(grid(), { listTop: 5000, height: 768, overscan: 768 })).toEqual({
      start: 0,
      end: 0,
      before: 0,
      after: WHOLE,
    });
    expect(visibleWindow(grid(), { listTop: -30000, height: 768, overscan: 768 })).toEqual({
      start: 100,
      end: 100,
      before: WHOLE,
      after: 0,
    });
    expect(visibleWindow(grid(0), { listTop: 0, height: 768, overscan: 768 })).toEqual({ start: 0, end: 0, before: 0, after: 0 });
  });

  it('keeps a focused card near the window rendered, and lets a far one go', () => {
    const viewport = { listTop: 0, height: 768, overscan: 0 };
    const plain = visibleWindow(grid(), viewport);
    expect(plain.end).toBe(6); // rows 0..2
    expect(visibleWindow(grid(), viewport, [21]).end).toBe(22); // row 10 kept: rows 0..10
    expect(visibleWindow(grid(), viewport, [99], 10)).toEqual(plain);
  });

  it('ends the last row at the last card', () => {
    const w = visibleWindow(grid(5, 2), { listTop: 0, height: 5000, overscan: 0 });
    expect(w).toEqual({ start: 0, end: 5, before: 0, after: 0 });
  });
});
