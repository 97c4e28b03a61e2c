using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DisclosureCases.Reports;

/// <summary>
/// A plain .xlsx written with DocumentFormat.OpenXml: sheets of text and number cells, bold header rows with borders,
/// merged ranges and column widths. (ClosedXML 0.95.4 is listed in Directory.Packages.props but cannot be restored from
/// the package registry served here — its dependency ExcelNumberFormat is missing — so the reports write the format
/// themselves with the OpenXml SDK the letters already use.) Strings are inline, so the file has no shared-string table.
/// </summary>
public sealed class XlsxWorkbook
{
    readonly List<XlsxSheet> sheets = [];

    public XlsxSheet AddSheet(string name)
    {
        var sheet = new XlsxSheet(name);
        sheets.Add(sheet);
        return sheet;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var sheet in sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = sheet.ToWorksheet();
                sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = sheetId++, Name = sheet.Name });
            }
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    // Style indexes used by XlsxSheet: 0 default, 1 bold with border (headers), 2 border (body).
    static Stylesheet Stylesheet() => new(
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border(), new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder())),
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, BorderId = 1, ApplyFont = true, ApplyBorder = true, Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center } },
            new CellFormat { FontId = 0, BorderId = 1, ApplyBorder = true, Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center } }));
}

/// <summary>One worksheet: rows of cells (string, number or null), some of them header rows.</summary>
public sealed class XlsxSheet(string name)
{
    readonly List<(IReadOnlyList<object?> Cells, bool Header)> rows = [];
    readonly List<string> merges = [];
    readonly Dictionary<int, double> widths = [];

    public string Name { get; } = name;
    public int RowCount => rows.Count;

    /// <summary>Adds a row; a cell is a string, an integer or decimal, or null (empty).</summary>
    public XlsxSheet Row(params object?[] cells) { rows.Add((cells, false)); return this; }

    public XlsxSheet HeaderRow(params object?[] cells) { rows.Add((cells, true)); return this; }

    /// <summary>Merges a range given in A1 notation, e.g. <c>A1:B2</c>.</summary>
    public XlsxSheet Merge(string range) { merges.Add(range); return this; }

    public XlsxSheet Width(int column, double characters) { widths[column] = characters; return this; }

    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    internal Worksheet ToWorksheet()
    {
        var worksheet = new Worksheet();
        if (widths.Count > 0)
            worksheet.Append(new Columns(widths.OrderBy(w => w.Key).Select(w =>
                new Column { Min = (uint)w.Key + 1, Max = (uint)w.Key + 1, Width = w.Value, CustomWidth = true })));
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var (cells, header) = rows[r];
            var row = new Row { RowIndex = (uint)r + 1 };
            for (var c = 0; c < cells.Count; c++)
            {
                var reference = ColumnName(c) + (r + 1).ToString(CultureInfo.InvariantCulture);
                var style = header ? 1u : 2u;
                row.Append(cells[c] switch
                {
                    null => new Cell { CellReference = reference, StyleIndex = style },
                    DateOnly d => new Cell { CellReference = reference, StyleIndex = style, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))) },
                    string s => new Cell { CellReference = reference, StyleIndex = style, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s)) },
                    IFormattable n => new Cell { CellReference = reference, StyleIndex = style, DataType = CellValues.Number, CellValue = new CellValue(n.ToString(null, CultureInfo.InvariantCulture)) },
                    var other => new Cell { CellReference = reference, StyleIndex = style, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(other.ToString() ?? "")) },
                });
            }
            data.Append(row);
        }
        worksheet.Append(data);
        if (merges.Count > 0)
            worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
        return worksheet;
    }
}
