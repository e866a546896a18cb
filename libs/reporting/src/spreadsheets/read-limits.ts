const MB = 1024 * 1024;

/**
 * How much of a file the import reads before refusing it. They keep a refused file's memory in
 * the tens of MB whatever it holds, and sit far above any real report file: 200,000 rows of a
 * zone's export inflate to about 60 MB of sheet and well under 8 MB of shared text.
 */
export const READ_LIMITS = {
  /** Data rows of a file, all sheets together. */
  dataRows: 200_000,
  /** Bytes inflated from an .xlsx, all parts together. */
  inflatedBytes: 256 * MB,
  /** The shared text part, the only part kept whole in memory. */
  sharedStringsBytes: 32 * MB,
  /** Each of the other parts read whole: relationships, the workbook, the styles. */
  partBytes: 8 * MB,
  zipEntries: 10_000,
  sheets: 100,
  cells: 5_000_000,
  /** Excel's own limits: columns of a sheet, characters of a cell. */
  columns: 16_384,
  cellChars: 32_767,
  /** Characters of one row, all its cells together (a CSV record, a sheet row). */
  lineChars: 1_000_000,
} as const;

/** A file the import will not read, with the reason in words for whoever sent it. */
export class FileRefused extends Error {}
