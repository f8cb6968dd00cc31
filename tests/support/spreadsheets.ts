import ExcelJS from 'exceljs'

/** A spreadsheet cell as a reader of the file finds it: numbers stay numbers, empty is ''. */
type Value = string | number

/** An .xlsx opened back: its sheet names and the first sheet's rows of values. */
export async function openXlsx(bytes: Buffer): Promise<{ sheetNames: string[]; rows: Value[][] }> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as unknown as ArrayBuffer)
  const sheet = book.worksheets[0]
  const rows: Value[][] = []
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values: Value[] = []
    for (let col = 1; col <= row.cellCount; col++) {
      const v = row.getCell(col).value
      values.push(typeof v === 'number' ? v : v === null || v === undefined ? '' : String(v))
    }
    rows.push(values)
  })
  return { sheetNames: book.worksheets.map((w) => w.name), rows }
}

/** An .xlsx of one sheet holding `rows` as typed, as a person would save a question bank. */
export async function xlsxOf(sheetName: string, rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.addWorksheet(sheetName).addRows(rows)
  return Buffer.from(await book.xlsx.writeBuffer())
}
