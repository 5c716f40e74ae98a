using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CongVu.Features.Organisation.Import;

/// <summary>
/// Writes the registry as a one-sheet .xlsx, row by row with OpenXmlWriter, so an export of many thousand
/// people never builds the sheet in memory. Text cells are inline strings: no shared-string table to hold.
/// </summary>
public sealed class RegistryWorkbookWriter : IDisposable
{
    private readonly SpreadsheetDocument _doc;
    private readonly WorkbookPart _workbook;
    private readonly WorksheetPart _sheet;
    private readonly OpenXmlWriter _writer;
    private readonly string _sheetName;
    private uint _row;
    private bool _done;

    public RegistryWorkbookWriter(Stream output, string sheetName)
    {
        _sheetName = sheetName;
        _doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        _workbook = _doc.AddWorkbookPart();
        _sheet = _workbook.AddNewPart<WorksheetPart>();
        _writer = OpenXmlWriter.Create(_sheet);
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteStartElement(new SheetData());
    }

    public int RowCount => (int)_row;

    public void WriteRow(IReadOnlyList<string?> row)
    {
        _row++;
        var r = _row.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", string.Empty, r)]);
        for (var i = 0; i < row.Count; i++)
        {
            if (string.IsNullOrEmpty(row[i]))
            {
                continue;
            }

            _writer.WriteElement(new Cell
            {
                CellReference = ColumnName(i) + r,
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(row[i]!) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }

        _writer.WriteEndElement();
    }

    /// <summary>Closes the sheet and writes the workbook part; the package is complete after this.</summary>
    public void Finish()
    {
        if (_done)
        {
            return;
        }

        _done = true;
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.Close();
        using (var wb = OpenXmlWriter.Create(_workbook))
        {
            wb.WriteStartElement(new Workbook());
            wb.WriteStartElement(new Sheets());
            wb.WriteElement(new Sheet { Name = _sheetName, SheetId = 1, Id = _workbook.GetIdOfPart(_sheet) });
            wb.WriteEndElement();
            wb.WriteEndElement();
        }
    }

    public void Dispose()
    {
        Finish();
        _writer.Dispose();
        _doc.Dispose();
    }

    public static void Write(Stream output, string sheetName, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var w = new RegistryWorkbookWriter(output, sheetName);
        foreach (var row in rows)
        {
            w.WriteRow(row);
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
