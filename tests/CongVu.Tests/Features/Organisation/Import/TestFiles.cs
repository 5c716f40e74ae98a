using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CongVu.Tests.Features.Organisation.Import;

/// <summary>Registry files built in the test: CSV text and .xlsx made with the OpenXml DOM (shared strings, numbers).</summary>
public static class TestFiles
{
    public static string Csv(char delimiter, params string[][] rows) =>
        string.Join("\r\n", rows.Select(r => string.Join(delimiter, r.Select(c => c.Contains(delimiter, StringComparison.Ordinal) || c.Contains('"', StringComparison.Ordinal) ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c)))) + "\r\n";

    public static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    /// <summary>Cells as text go to the shared-string table; a double becomes a numeric cell (an Excel date serial, say).</summary>
    public static byte[] Xlsx(params object?[][] rows) => Xlsx(dimension: null, rows);

    /// <summary>As Excel writes it: the sheet announces its used range (e.g. "A1:E3") before the rows.</summary>
    public static byte[] Xlsx(string? dimension, params object?[][] rows)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var shared = wb.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable();
            var sheetPart = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var strings = new List<string>();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = (char)('A' + c) + (r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    switch (rows[r][c])
                    {
                        case null:
                            break;
                        case double d:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(d) });
                            break;
                        case var v:
                            var text = v.ToString()!;
                            var index = strings.IndexOf(text);
                            if (index < 0)
                            {
                                strings.Add(text);
                                shared.SharedStringTable.Append(new SharedStringItem(new Text(text)));
                                index = strings.Count - 1;
                            }

                            row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index) });
                            break;
                    }
                }

                data.Append(row);
            }

            sheetPart.Worksheet = dimension is null ? new Worksheet(data) : new Worksheet(new SheetDimension { Reference = dimension }, data);
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(sheetPart), SheetId = 1, Name = "Sheet1" }));
        }

        return ms.ToArray();
    }
}
