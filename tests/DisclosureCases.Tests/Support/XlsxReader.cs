using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DisclosureCases.Tests.Support;

/// <summary>Reads an .xlsx back as text: sheet name → cell reference (A1) → the cell's text, as Excel would show it.</summary>
public static class XlsxReader
{
    public static Dictionary<string, Dictionary<string, string>> Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var result = new Dictionary<string, Dictionary<string, string>>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var cells = new Dictionary<string, string>();
            foreach (var cell in part.Worksheet.Descendants<Cell>())
            {
                var text = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText
                    : cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
                    : cell.CellValue?.Text;
                if (text is not null) cells[cell.CellReference!.Value!] = text;
            }
            result[sheet.Name!.Value!] = cells;
        }
        return result;
    }

    /// <summary>The row (1-based) whose column <paramref name="column"/> holds <paramref name="text"/>, or 0.</summary>
    public static int RowOf(Dictionary<string, string> sheet, string column, string text) =>
        sheet.Where(kv => kv.Value == text && kv.Key.StartsWith(column, StringComparison.Ordinal) && char.IsDigit(kv.Key[column.Length]))
            .Select(kv => int.Parse(kv.Key[column.Length..], System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
}
