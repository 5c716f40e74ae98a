using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CongVu.Features.Feedback;

/// <summary>Reads the one-stop system's dossier list exported as Excel (XLSX): the first sheet as rows of text, dates as dd/MM/yyyy.</summary>
public static class DossierWorkbook
{
    /// <summary>Columns holding dates (received, due, returned): Excel stores them as serial numbers.</summary>
    private static readonly int[] DateColumns = [2, 3, 4];

    private const int MaxRows = 20_000;

    /// <summary>The first sheet's rows, or null when the file is not a readable workbook.</summary>
    public static List<string[]>? ReadFirstSheet(Stream stream)
    {
        try
        {
            using var doc = SpreadsheetDocument.Open(stream, false);
            var book = doc.WorkbookPart;
            var first = book?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (book is null || first?.Id?.Value is not string relId || book.GetPartById(relId) is not WorksheetPart sheetPart)
            {
                return null;
            }

            var shared = book.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var rows = new List<string[]>();
            foreach (var row in sheetPart.Worksheet?.Descendants<Row>() ?? [])
            {
                if (rows.Count >= MaxRows)
                {
                    break;
                }

                // Rows and cells may be sparse: place each by its reference (A1, C7, ...).
                var index = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1)) - 1;
                while (rows.Count < index)
                {
                    rows.Add([]);
                }

                var cells = new string[6];
                Array.Fill(cells, string.Empty);
                var next = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var col = cell.CellReference?.Value is string r ? ColumnOf(r) : next;
                    next = col + 1;
                    if (col is < 0 or >= 6)
                    {
                        continue;
                    }

                    cells[col] = ValueOf(cell, shared, DateColumns.Contains(col)).Trim();
                }

                rows.Add(cells);
            }

            return rows;
        }
        catch (Exception e) when (e is OpenXmlPackageException or IOException or FormatException or InvalidOperationException or System.Xml.XmlException)
        {
            return null;
        }
    }

    private static string ValueOf(Cell cell, List<string> shared, bool isDate)
    {
        var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? string.Empty;
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? shared[i] : string.Empty;
        }

        if (isDate && (cell.DataType is null || cell.DataType.Value == CellValues.Number)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2_958_466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        }

        return raw;
    }

    private static int ColumnOf(string reference)
    {
        var col = 0;
        foreach (var ch in reference.TakeWhile(char.IsAsciiLetter))
        {
            col = (col * 26) + (char.ToUpperInvariant(ch) - 'A' + 1);
        }

        return col - 1;
    }
}
