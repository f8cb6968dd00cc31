// SheetJS (server side only: the exportQuarterReport bundle and the local import, nothing in the mini-program).
import * as XLSX from 'xlsx'

/** A sheet: Chinese headers and rows of text and numbers. */
export interface Table {
  headers: string[]
  rows: (string | number)[][]
}

/** A cell a spreadsheet would run as a formula (=, +, -, @ first) is kept as text. */
const safeText = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s)

const csvCell = (v: string | number) => {
  const s = typeof v === 'number' ? String(v) : safeText(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** CSV as Excel and WPS open it: UTF-8 with a byte-order mark, CRLF line ends. */
export function toCsv(table: Table): Buffer {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvCell).join(','))
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8')
}

/** An .xlsx workbook of one sheet; numbers stay numbers. */
export function toXlsx(table: Table, sheetName: string): Buffer {
  const cells = [table.headers, ...table.rows.map((row) => row.map((v) => (typeof v === 'string' ? safeText(v) : v)))]
  const sheet = XLSX.utils.aoa_to_sheet(cells)
  sheet['!cols'] = table.headers.map((h) => ({ wch: Math.max(8, h.length * 2 + 2) }))
  const book = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(book, sheet, sheetName)
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer
}

/** The first sheet of an .xlsx file as rows of text, each with its row number (the header is 1). */
export function readSheetRows(file: Buffer): { line: number; cells: string[] }[] {
  const book = XLSX.read(file, { type: 'buffer' })
  const sheet = book.Sheets[book.SheetNames[0]]
  if (!sheet) return []
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: '', blankrows: true })
  return rows.map((cells, i) => ({ line: i + 1, cells: cells.map((c) => String(c ?? '')) }))
}
