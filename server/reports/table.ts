// ExcelJS (server side only: the report bundle and the local import, nothing in the mini-program).
import ExcelJS from 'exceljs'

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

/** An .xlsx workbook of one sheet; numbers stay numbers, the header row is bold and stays in view. */
export async function toXlsx(table: Table, sheetName: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = table.headers.map((h) => ({ header: h, width: Math.max(8, h.length * 2 + 2) }))
  sheet.getRow(1).font = { bold: true }
  for (const row of table.rows) sheet.addRow(row.map((v) => (typeof v === 'string' ? safeText(v) : v)))
  return Buffer.from(await book.xlsx.writeBuffer())
}

/** A cell as the text a person sees in it (a formula by its result, rich text by its characters). */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value
  if (v === null || v === undefined) return ''
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('')
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '')
  return cell.text
}

/** The first sheet of an .xlsx file as rows of text, each with its row number (the header is 1). */
export async function readSheetRows(file: Buffer): Promise<{ line: number; cells: string[] }[]> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(file as unknown as ArrayBuffer)
  const sheet = book.worksheets[0]
  if (!sheet) return []
  const rows: { line: number; cells: string[] }[] = []
  for (let line = 1; line <= sheet.rowCount; line++) {
    const row = sheet.getRow(line)
    const cells: string[] = []
    for (let col = 1; col <= row.cellCount; col++) cells.push(cellText(row.getCell(col)))
    rows.push({ line, cells })
  }
  return rows
}
