using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CongVu.Features.Organisation.Import;

/// <summary>
/// Writes the registry as a one-sheet .xlsx, row by row with OpenXmlWriter, so an export of many thousand
/// people never builds the sheet in memory. Text cells are inline strings: no shared-string table to hold.
/// </summary>
public static class RegistryWorkbookWriter
{
    public static void Write(Stream output, string sheetName, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        var sheetPart = wb.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            uint r = 0;
            foreach (var row in rows)
            {
                r++;
                writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", string.Empty, r.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
                for (var i = 0; i < row.Count; i++)
                {
                    if (string.IsNullOrEmpty(row[i]))
                    {
                        continue;
                    }

                    writer.WriteElement(new Cell
                    {
                        CellReference = ColumnName(i) + r.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(row[i]!) { Space = SpaceProcessingModeValues.Preserve }),
                    });
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        using (var writer = OpenXmlWriter.Create(wb))
        {
            writer.WriteStartElement(new Workbook());
            writer.WriteStartElement(new Sheets());
            writer.WriteElement(new Sheet { Name = sheetName, SheetId = 1, Id = wb.GetIdOfPart(sheetPart) });
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }

    /// <summary>0 → "A", 26 → "AA".</summary>
    public static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>The header row in file order: the same columns the import reads, so an export can be imported back.</summary>
    public static string[] HeaderRow() => RegistryColumns.All.Select(RegistryColumns.Header).ToArray();

    public static string StatusText(MemberStatus s) => s switch
    {
        MemberStatus.Active => "Đang sinh hoạt",
        MemberStatus.ExemptFromActivities => "Miễn sinh hoạt",
        MemberStatus.Suspended => "Đình chỉ sinh hoạt",
        MemberStatus.TransferredOut => "Đã chuyển đi",
        MemberStatus.Deceased => "Từ trần",
        MemberStatus.Expelled => "Khai trừ",
        _ => s.ToString(),
    };

    public static string? GenderText(Gender g) => g switch
    {
        Gender.Male => "Nam",
        Gender.Female => "Nữ",
        _ => null,
    };

    /// <summary>The template: header row and one example member who also holds a post.</summary>
    public static void WriteTemplate(Stream output, string exampleCell, string exampleAgency)
    {
        string?[] example =
        [
            "Nguyễn Văn An", "05/02/1970", "Nam", "Kinh", "0912345678", "Ấp Chợ, xã Hiếu Trung",
            exampleCell, "93.012345", "19/05/1995", "19/05/1996", "Đang sinh hoạt", null, null,
            "Phó Chủ tịch", exampleAgency,
        ];
        Write(output, "Danh sach", [HeaderRow(), example]);
    }
}
