using System.Text;
using CongVu.Features.Organisation.Import;

namespace CongVu.Tests.Features.Organisation.Import;

public class RegistryFileReaderTests
{
    private static List<RegistryRow> Read(byte[] content, string name = "ds.csv") =>
        RegistryFileReader.Open(content, name, 1000).Rows().ToList();

    [Fact]
    public void Xlsx_WithSharedStringsAndSerialDates_ReadsRowsByHeader()
    {
        var bytes = TestFiles.Xlsx(
            ["Số thẻ đảng viên", "Họ và tên*", "Ngày sinh (dd/mm/yyyy)", "Chi bộ", "Ngày vào Đảng"],
            ["93.1", "Nguyễn Văn An", 25569d, "Chi bộ ấp Chợ", "19/05/1995"],
            [null, null, null, null, null],
            ["93.2", "Trần Thị Bình", "05/02/1980", "Chi bộ ấp Chợ", 36000d]);

        var rows = Read(bytes, "danh-sach.csv");

        Assert.Equal(2, rows.Count);
        Assert.Equal(2, rows[0].Number);
        Assert.Equal("Nguyễn Văn An", rows[0][RegistryColumn.FullName]);
        Assert.Equal("93.1", rows[0][RegistryColumn.CardNumber]);
        Assert.True(RegistryRowValidator.TryParseDate(rows[0][RegistryColumn.BirthDate], out var birth));
        Assert.Equal(new DateOnly(1970, 1, 1), birth);
        Assert.Equal(4, rows[1].Number);
        Assert.True(RegistryRowValidator.TryParseDate(rows[1][RegistryColumn.AdmittedOn], out var admitted));
        Assert.Equal(new DateOnly(1998, 7, 24), admitted);
    }

    [Fact]
    public void Csv_Utf8WithBom_KeepsVietnameseAndQuotedFields()
    {
        var csv = TestFiles.Csv(',', ["Họ và tên", "Chức vụ", "Cơ quan", "Địa chỉ"], ["Lê Thị Đào", "Chủ tịch", "UBND xã", "Ấp Chợ, xã Hiếu Trung"]);

        var rows = Read(TestFiles.Utf8WithBom(csv));

        var row = Assert.Single(rows);
        Assert.Equal("Lê Thị Đào", row[RegistryColumn.FullName]);
        Assert.Equal("Ấp Chợ, xã Hiếu Trung", row[RegistryColumn.Address]);
    }

    [Fact]
    public void Csv_Utf16LittleEndianWithoutBom_IsDetectedByItsNulBytes()
    {
        var csv = TestFiles.Csv('\t', ["Họ và tên", "Chức vụ", "Cơ quan"], ["Phạm Văn Út", "Văn phòng", "UBND xã"]);

        var rows = Read(Encoding.Unicode.GetBytes(csv));

        Assert.Equal("Phạm Văn Út", Assert.Single(rows)[RegistryColumn.FullName]);
    }

    [Fact]
    public void Csv_Utf16LittleEndianWithBom_Reads()
    {
        var csv = TestFiles.Csv(',', ["Họ và tên", "Chức vụ", "Cơ quan"], ["Phạm Văn Út", "Văn phòng", "UBND xã"]);

        var rows = Read([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(csv)]);

        Assert.Equal("UBND xã", Assert.Single(rows)[RegistryColumn.Agency]);
    }

    [Fact]
    public void Csv_Windows1258WithCombiningTones_ComesOutNfc()
    {
        // "Huỳnh Văn Lý" as Vietnamese Windows saves it: tones as combining marks (0xCC grave, 0xEC acute), ă as 0xE3.
        byte[] name = [.. "Hu"u8, (byte)'y', 0xCC, .. "nh V"u8, 0xE3, .. "n L"u8, (byte)'y', 0xEC];
        byte[] bytes = [.. "Ho va ten;Chuc vu;Co quan\r\n"u8, .. name, .. ";Van phong;UBND\r\n"u8];

        var row = Assert.Single(Read(bytes));

        Assert.Equal("Huỳnh Văn Lý".Normalize(NormalizationForm.FormC), row[RegistryColumn.FullName]);
        Assert.True(row[RegistryColumn.FullName]!.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Csv_Semicolons_AreDetectedFromTheHeader()
    {
        var csv = "Họ và tên;Ngày sinh;Chức vụ;Cơ quan\n\"Nguyễn Văn \"\"Tư\"\"\";01/02/1975;Phó Chủ tịch, kiêm nhiệm;UBND xã\n";

        var row = Assert.Single(Read(Encoding.UTF8.GetBytes(csv)));

        Assert.Equal("Nguyễn Văn \"Tư\"", row[RegistryColumn.FullName]);
        Assert.Equal("Phó Chủ tịch, kiêm nhiệm", row[RegistryColumn.Post]);
    }

    [Fact]
    public void TextFileNamedXlsx_IsRejectedAsNotExcel()
    {
        var e = Assert.Throws<RegistryFileException>(() => RegistryFileReader.Open("Họ và tên,Chức vụ\nA,B\n"u8.ToArray(), "danh-sach.xlsx", 1000));

        Assert.StartsWith("Tệp không phải là tệp Excel (.xlsx) hợp lệ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZipThatIsNotASpreadsheet_IsRejectedAsNotExcel()
    {
        using var ms = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var w = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            w.Write("không phải Excel");
        }

        var e = Assert.Throws<RegistryFileException>(() => RegistryFileReader.Open(ms.ToArray(), "a.xlsx", 1000));

        Assert.Equal(RegistryFileReader.NotExcelMessage, e.Message);
    }

    [Fact]
    public void OldBinaryXls_AsksToSaveAsXlsxOrCsv()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

        var e = Assert.Throws<RegistryFileException>(() => RegistryFileReader.Open(ole, "ds.xls", 1000));

        Assert.Contains(".xlsx hoặc CSV", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1024, true)]
    [InlineData(1025, false)]
    public void CheckSize_AgainstTheLimit(long size, bool ok)
    {
        var message = RegistryFileReader.CheckSize(size, 1024);

        Assert.Equal(ok, message is null);
    }

    [Fact]
    public void CheckSize_OverTheLimit_SaysTheLimitInMegabytes()
    {
        Assert.Contains("tối đa 20 MB", RegistryFileReader.CheckSize(21 * 1024 * 1024, 20 * 1024 * 1024), StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_OverTheRowLimit_IsAFileProblem()
    {
        var csv = "Họ và tên,Chức vụ,Cơ quan\n" + string.Concat(Enumerable.Range(1, 6).Select(i => $"Người {i},Cán bộ,UBND\n"));

        var file = RegistryFileReader.Open(Encoding.UTF8.GetBytes(csv), "a.csv", 5);

        var e = Assert.Throws<RegistryFileException>(() => file.CountRows());
        Assert.Contains("quá nhiều dòng", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EstimateRows_Csv_CountsTheLinesAfterTheHeader_WithoutReadingThem()
    {
        var csv = "Họ và tên,Chức vụ,Cơ quan\n" + string.Concat(Enumerable.Range(1, 7).Select(i => $"Người {i},Cán bộ,UBND\n")) + "Người 8,Cán bộ,UBND";

        var file = RegistryFileReader.Open(Encoding.UTF8.GetBytes(csv), "a.csv", 1000);

        Assert.Equal(8, file.EstimateRows());
        Assert.True(file.HasRows());
    }

    [Fact]
    public void EstimateRows_Xlsx_ReadsTheSheetsDimension_OrSaysZeroWithoutOne()
    {
        object?[] header = ["Họ và tên", "Chức vụ", "Cơ quan"];
        object?[] row = ["Người Một", "Cán bộ", "UBND"];

        var announced = RegistryFileReader.Open(TestFiles.Xlsx("A1:C3", header, row, row), "a.xlsx", 1000);
        var silent = RegistryFileReader.Open(TestFiles.Xlsx(header, row, row), "a.xlsx", 1000);

        Assert.Equal(2, announced.EstimateRows());
        Assert.Equal(0, silent.EstimateRows());
        Assert.Equal(2, silent.CountRows());
    }

    [Fact]
    public void HasRows_HeaderOnly_IsFalse() =>
        Assert.False(RegistryFileReader.Open("Họ và tên,Chức vụ,Cơ quan\n"u8.ToArray(), "a.csv", 10).HasRows());

    [Fact]
    public void MissingRequiredHeaders_AreNamedInTheError()
    {
        var e = Assert.Throws<RegistryFileException>(() => RegistryFileReader.Open("Ngày sinh,Dân tộc\n01/01/1970,Kinh\n"u8.ToArray(), "a.csv", 10));

        Assert.Contains("Họ và tên", e.Message, StringComparison.Ordinal);
        Assert.Contains("Chi bộ", e.Message, StringComparison.Ordinal);
        Assert.Contains("Cơ quan", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LargeCsv_StreamsAllRows()
    {
        var sb = new StringBuilder("Họ và tên,Chức vụ,Cơ quan\n");
        for (var i = 0; i < 100_000; i++)
        {
            sb.Append("Người ").Append(i).Append(",Cán bộ,UBND\n");
        }

        var file = RegistryFileReader.Open(Encoding.UTF8.GetBytes(sb.ToString()), "big.csv", 200_000);

        Assert.Equal(100_000, file.CountRows());
    }
}
