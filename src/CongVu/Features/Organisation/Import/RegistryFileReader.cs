using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CongVu.Features.Organisation.Import;

/// <summary>A file-level problem (not a spreadsheet, too large, missing columns), in Vietnamese for the clerk.</summary>
public sealed class RegistryFileException(string message) : Exception(message);

public enum RegistryFileFormat
{
    Xlsx,
    Csv,
}

/// <summary>One data row of the file: its row number as the clerk sees it, and the text of each known column.</summary>
public sealed class RegistryRow(int number, string?[] values)
{
    public int Number { get; } = number;

    public string? this[RegistryColumn column] => values[(int)column];

    public static RegistryRow Of(int number, IReadOnlyDictionary<RegistryColumn, string?> cells)
    {
        var v = new string?[RegistryColumns.All.Length];
        foreach (var (c, text) in cells)
        {
            v[(int)c] = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        }

        return new RegistryRow(number, v);
    }
}

/// <summary>The shared-string table of an opened workbook, read once for all its passes.</summary>
internal sealed class SharedStrings
{
    public List<string>? Strings { get; set; }
}

/// <summary>An opened registry file: format, column map from the header row, and rows read lazily so a large file streams.</summary>
public sealed class RegistryFile
{
    private readonly byte[] _content;
    private readonly int _maxRows;
    private readonly Dictionary<int, RegistryColumn> _columnsByIndex;
    private readonly SharedStrings _shared;

    internal RegistryFile(byte[] content, RegistryFileFormat format, int headerRow, Dictionary<int, RegistryColumn> columnsByIndex, int maxRows, SharedStrings shared)
    {
        _content = content;
        _shared = shared;
        Format = format;
        HeaderRow = headerRow;
        _columnsByIndex = columnsByIndex;
        _maxRows = maxRows;
    }

    public RegistryFileFormat Format { get; }

    public int HeaderRow { get; }

    public IReadOnlyCollection<RegistryColumn> Columns => _columnsByIndex.Values;

    public bool Has(RegistryColumn c) => _columnsByIndex.ContainsValue(c);

    /// <summary>Data rows after the header; blank rows skipped. Throws RegistryFileException past the row limit.</summary>
    public IEnumerable<RegistryRow> Rows()
    {
        var count = 0;
        foreach (var (number, cells) in RegistryFileReader.RawRows(_content, Format, _shared))
        {
            if (number <= HeaderRow)
            {
                continue;
            }

            var values = new string?[RegistryColumns.All.Length];
            foreach (var (index, column) in _columnsByIndex)
            {
                if (index < cells.Count && !string.IsNullOrWhiteSpace(cells[index]))
                {
                    values[(int)column] = cells[index]!.Trim();
                }
            }

            if (Array.TrueForAll(values, v => v is null))
            {
                continue;
            }

            if (++count > _maxRows)
            {
                throw new RegistryFileException(RegistryFileReader.TooManyRowsMessage(_maxRows));
            }

            yield return new RegistryRow(number, values);
        }
    }

    public int CountRows() => Rows().Count();

    /// <summary>True when the file holds at least one data row after the header; reads only as far as that row.</summary>
    public bool HasRows() => Rows().Any();

    /// <summary>
    /// The data rows the file announces, without reading them: the sheet's dimension (.xlsx) or its line count (CSV),
    /// minus the header. An estimate for the progress bar and an early refusal of oversized files; blank rows are
    /// counted, and the check reads the true count (the row limit is enforced while reading, whatever this says).
    /// </summary>
    public int EstimateRows()
    {
        var last = Format == RegistryFileFormat.Xlsx
            ? RegistryFileReader.XlsxLastRow(_content) ?? 0
            : _content.AsSpan().Count((byte)'\n') + (_content.Length > 0 && _content[^1] != (byte)'\n' ? 1 : 0);
        return Math.Max(0, last - HeaderRow);
    }
}

/// <summary>
/// Reads registry rows from .xlsx (streamed with OpenXmlReader) or CSV (any delimiter and encoding clerks
/// produce). The format comes from the bytes, never from the file name. Pure: no database.
/// </summary>
public static class RegistryFileReader
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public const string NotExcelMessage = "Tệp không phải là tệp Excel (.xlsx) hợp lệ. Hãy mở tệp bằng Excel và lưu lại dạng .xlsx hoặc CSV rồi tải lên lại.";
    public const string OldExcelMessage = "Tệp là Excel đời cũ (.xls), hệ thống chưa đọc được. Hãy mở bằng Excel, chọn Lưu thành (Save As) dạng .xlsx hoặc CSV rồi tải lên lại.";
    public const string EmptyMessage = "Tệp rỗng, không có dòng dữ liệu nào.";
    public const string NotTextMessage = "Tệp không phải là tệp Excel (.xlsx) hay CSV. Hãy lưu danh sách dạng .xlsx hoặc CSV rồi tải lên lại.";

    static RegistryFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string TooLargeMessage(long maxBytes) =>
        $"Tệp quá lớn: tối đa {maxBytes / 1024d / 1024d:0.#} MB. Hãy chia danh sách thành nhiều tệp nhỏ hơn.";

    public static string TooManyRowsMessage(int maxRows) =>
        $"Tệp có quá nhiều dòng: tối đa {maxRows.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} dòng mỗi lần nhập. Hãy chia danh sách thành nhiều tệp.";

    /// <summary>Null when the size is acceptable, else the message for the clerk.</summary>
    public static string? CheckSize(long size, long maxBytes) =>
        size <= 0 ? EmptyMessage : size > maxBytes ? TooLargeMessage(maxBytes) : null;

    public static RegistryFileFormat DetectFormat(ReadOnlySpan<byte> content, string? fileName)
    {
        if (content.IsEmpty)
        {
            throw new RegistryFileException(EmptyMessage);
        }

        if (content.StartsWith(ZipMagic))
        {
            return RegistryFileFormat.Xlsx;
        }

        if (content.StartsWith(OleMagic))
        {
            throw new RegistryFileException(OldExcelMessage);
        }

        var ext = Path.GetExtension(fileName ?? string.Empty).ToUpperInvariant();
        if (ext is ".XLSX" or ".XLSM")
        {
            throw new RegistryFileException(NotExcelMessage);
        }

        if (DetectEncoding(content) is null)
        {
            throw new RegistryFileException(NotTextMessage);
        }

        return RegistryFileFormat.Csv;
    }

    /// <summary>Opens the file and maps its header row; throws RegistryFileException with a Vietnamese message when it cannot be used.</summary>
    public static RegistryFile Open(byte[] content, string? fileName, int maxRows)
    {
        var format = DetectFormat(content, fileName);
        var shared = new SharedStrings();
        foreach (var (number, cells) in RawRows(content, format, shared))
        {
            var map = new Dictionary<int, RegistryColumn>();
            for (var i = 0; i < cells.Count; i++)
            {
                if (RegistryColumns.Match(cells[i]) is RegistryColumn c && !map.ContainsValue(c))
                {
                    map[i] = c;
                }
            }

            var file = new RegistryFile(content, format, number, map, maxRows, shared);
            CheckHeader(file);
            return file;
        }

        throw new RegistryFileException(EmptyMessage);
    }

    private static void CheckHeader(RegistryFile file)
    {
        var missing = new List<string>();
        if (!file.Has(RegistryColumn.FullName))
        {
            missing.Add(RegistryColumns.Header(RegistryColumn.FullName));
        }

        var memberColumns = file.Has(RegistryColumn.Cell) && file.Has(RegistryColumn.AdmittedOn);
        var officialColumns = file.Has(RegistryColumn.Post) && file.Has(RegistryColumn.Agency);
        if (!memberColumns && !officialColumns)
        {
            foreach (var c in new[] { RegistryColumn.Cell, RegistryColumn.AdmittedOn, RegistryColumn.Post, RegistryColumn.Agency })
            {
                if (!file.Has(c))
                {
                    missing.Add(RegistryColumns.Header(c));
                }
            }
        }

        if (missing.Count > 0)
        {
            throw new RegistryFileException(
                $"Dòng tiêu đề (dòng {file.HeaderRow}) thiếu cột bắt buộc: {string.Join(", ", missing)}. "
                + "Tệp cần cột Họ và tên, cùng với Chi bộ và Ngày vào Đảng (đảng viên) hoặc Chức vụ và Cơ quan (cán bộ, công chức). Hãy dùng tệp mẫu.");
        }
    }

    /// <summary>Every non-empty row with its number (1-based as in Excel), cells by column position, text NFC-normalised.</summary>
    internal static IEnumerable<(int Number, IReadOnlyList<string?> Cells)> RawRows(byte[] content, RegistryFileFormat format) =>
        RawRows(content, format, new SharedStrings());

    internal static IEnumerable<(int Number, IReadOnlyList<string?> Cells)> RawRows(byte[] content, RegistryFileFormat format, SharedStrings shared) =>
        format == RegistryFileFormat.Xlsx ? XlsxRows(content, shared) : CsvRows(content);

    private static string? Nfc(string? s) => s is null || s.IsNormalized(NormalizationForm.FormC) ? s : s.Normalize(NormalizationForm.FormC);

    // ---- xlsx ----

    private static IEnumerable<(int, IReadOnlyList<string?>)> XlsxRows(byte[] content, SharedStrings cache)
    {
        SpreadsheetDocument doc;
        try
        {
            doc = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException or ArgumentException or InvalidOperationException)
        {
            throw new RegistryFileException(NotExcelMessage);
        }

        using (doc)
        {
            var wb = doc.WorkbookPart ?? throw new RegistryFileException(NotExcelMessage);
            var firstSheet = wb.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            var part = firstSheet?.Id?.Value is string rid ? wb.GetPartById(rid) as WorksheetPart : wb.WorksheetParts.FirstOrDefault();
            if (part is null)
            {
                throw new RegistryFileException(NotExcelMessage);
            }

            // Opening the file read them for the header row already: each further pass reuses them.
            var shared = cache.Strings ??= ReadSharedStrings(wb.SharedStringTablePart);
            using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
            // Plain XmlReader over the sheet: no element objects per row or cell, so a large sheet reads fast and flat.
            using var xml = XmlReader.Create(stream, XmlSettings);
            var lastRow = 0;
            while (Next(xml))
            {
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row")
                {
                    continue;
                }

                var number = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : lastRow + 1;
                lastRow = number;
                var cells = ReadRow(xml, shared);
                if (cells.Exists(c => !string.IsNullOrWhiteSpace(c)))
                {
                    yield return (number, cells);
                }
            }
        }
    }

    /// <summary>The last row of the first sheet's dimension ("A1:Q20001" → 20001), read from the sheet's opening only; null when absent.</summary>
    internal static int? XlsxLastRow(byte[] content)
    {
        try
        {
            using var doc = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false);
            var wb = doc.WorkbookPart;
            var firstSheet = wb?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            var part = firstSheet?.Id?.Value is string rid ? wb!.GetPartById(rid) as WorksheetPart : wb?.WorksheetParts.FirstOrDefault();
            if (part is null)
            {
                return null;
            }

            using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
            using var xml = XmlReader.Create(stream, XmlSettings);
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (xml.LocalName == "sheetData")
                {
                    return null;
                }

                if (xml.LocalName == "dimension" && xml.GetAttribute("ref") is string range)
                {
                    var end = range[(range.LastIndexOf(':') + 1)..];
                    var digits = end.AsSpan().TrimStart("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz$");
                    return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : null;
                }
            }
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException or XmlException or ArgumentException or InvalidOperationException)
        {
            // The full read that follows reports what is wrong with the file; an estimate is only an estimate.
        }

        return null;
    }

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    private static bool Next(XmlReader xml)
    {
        try
        {
            return xml.Read();
        }
        catch (XmlException)
        {
            throw new RegistryFileException(NotExcelMessage);
        }
    }

    /// <summary>Reads the cells of the row the reader is on and leaves the reader on its end element.</summary>
    private static List<string?> ReadRow(XmlReader xml, List<string> shared)
    {
        var cells = new List<string?>();
        if (xml.IsEmptyElement)
        {
            return cells;
        }

        var depth = xml.Depth;
        var position = 0;
        Next(xml);
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c")
            {
                Next(xml);
                continue;
            }

            var reference = xml.GetAttribute("r");
            var type = xml.GetAttribute("t");
            string? raw = null, inline = null;
            if (!xml.IsEmptyElement)
            {
                var cellDepth = xml.Depth;
                Next(xml);
                while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == cellDepth))
                {
                    if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "v")
                    {
                        raw = ReadContent(xml);
                    }
                    else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "is")
                    {
                        inline = ReadRichText(xml);
                    }
                    else
                    {
                        Next(xml);
                    }
                }
            }

            Next(xml);
            var index = reference is not null ? ColumnIndex(reference) : position;
            position = index + 1;
            while (cells.Count <= index)
            {
                cells.Add(null);
            }

            cells[index] = Nfc(CellText(type, raw, inline, shared));
        }

        // Left on the row's end: the caller's next Read moves to what follows.
        return cells;
    }

    private static string ReadContent(XmlReader xml)
    {
        try
        {
            return xml.ReadElementContentAsString();
        }
        catch (XmlException)
        {
            throw new RegistryFileException(NotExcelMessage);
        }
    }

    /// <summary>The text of an si or is element: its t, or the t of its runs; phonetic hints (rPh) are not part of the value. Leaves the reader past its end.</summary>
    private static string ReadRichText(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            Next(xml);
            return string.Empty;
        }

        var depth = xml.Depth;
        string? single = null;
        StringBuilder? many = null;
        Next(xml);
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
            {
                var t = ReadContent(xml);
                if (single is null)
                {
                    single = t;
                }
                else
                {
                    (many ??= new StringBuilder(single)).Append(t);
                }
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh")
            {
                xml.Skip();
            }
            else
            {
                Next(xml);
            }
        }

        Next(xml);
        return many?.ToString() ?? single ?? string.Empty;
    }

    private static List<string> ReadSharedStrings(SharedStringTablePart? part)
    {
        var list = new List<string>();
        if (part is null)
        {
            return list;
        }

        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = XmlReader.Create(stream, XmlSettings);
        while (Next(xml))
        {
            while (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                list.Add(ReadRichText(xml));
            }
        }

        return list;
    }

    private static string? CellText(string? type, string? raw, string? inline, List<string> shared) => type switch
    {
        "s" => int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? shared[i] : null,
        "inlineStr" => inline,
        "d" when raw is { Length: >= 10 } => raw[..10],
        _ => raw,
    };

    /// <summary>"AB12" → 27 (zero-based column of the reference).</summary>
    internal static int ColumnIndex(string reference)
    {
        var n = 0;
        foreach (var ch in reference)
        {
            var c = char.ToUpperInvariant(ch);
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            n = (n * 26) + (c - 'A' + 1);
        }

        return Math.Max(0, n - 1);
    }

    // ---- CSV ----

    /// <summary>BOM first; then UTF-16 by its NUL bytes; then strict UTF-8; else Windows-1258 (Vietnamese ANSI). Null: binary, not text.</summary>
    internal static Encoding? DetectEncoding(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new UTF8Encoding(false);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode;
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode;
        }

        var sample = b[..Math.Min(b.Length, 4096)];
        int evenNuls = 0, oddNuls = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] == 0)
            {
                if (i % 2 == 0)
                {
                    evenNuls++;
                }
                else
                {
                    oddNuls++;
                }
            }
        }

        // ASCII-range text in UTF-16 has a NUL in every other byte: odd positions for LE, even for BE.
        var half = sample.Length / 2;
        if (half > 0 && oddNuls > half * 0.3 && evenNuls < oddNuls / 4)
        {
            return Encoding.Unicode;
        }

        if (half > 0 && evenNuls > half * 0.3 && oddNuls < evenNuls / 4)
        {
            return Encoding.BigEndianUnicode;
        }

        if (evenNuls + oddNuls > 0)
        {
            return null;
        }

        if (System.Text.Unicode.Utf8.IsValid(b))
        {
            return StrictUtf8;
        }

        return Encoding.GetEncoding(1258);
    }

    private static IEnumerable<(int, IReadOnlyList<string?>)> CsvRows(byte[] content)
    {
        var encoding = DetectEncoding(content) ?? throw new RegistryFileException(NotTextMessage);
        using var reader = new StreamReader(new MemoryStream(content, writable: false), encoding, detectEncodingFromByteOrderMarks: true);
        char? delimiter = null;
        var number = 0;
        var field = new StringBuilder();
        var fields = new List<string?>();
        var inQuotes = false;
        var atFieldStart = true;
        var lineBuffer = new StringBuilder();
        int ch;
        while (true)
        {
            // The delimiter is chosen from the header line: the most frequent of , ; and tab outside quotes.
            if (delimiter is null)
            {
                var first = PeekFirstLine(reader, lineBuffer);
                delimiter = ChooseDelimiter(first);
            }

            ch = lineBuffer.Length > 0 ? Take(lineBuffer) : reader.Read();
            if (ch == -1)
            {
                break;
            }

            var c = (char)ch;
            if (inQuotes)
            {
                if (c == '"')
                {
                    var next = lineBuffer.Length > 0 ? lineBuffer[0] : reader.Peek();
                    if (next == '"')
                    {
                        _ = lineBuffer.Length > 0 ? Take(lineBuffer) : reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            if (c == '"' && atFieldStart)
            {
                inQuotes = true;
                atFieldStart = false;
                continue;
            }

            if (c == delimiter)
            {
                fields.Add(Nfc(field.ToString()));
                field.Clear();
                atFieldStart = true;
                continue;
            }

            if (c is '\r' or '\n')
            {
                if (c == '\r')
                {
                    var next = lineBuffer.Length > 0 ? lineBuffer[0] : reader.Peek();
                    if (next == '\n')
                    {
                        _ = lineBuffer.Length > 0 ? Take(lineBuffer) : reader.Read();
                    }
                }

                fields.Add(Nfc(field.ToString()));
                field.Clear();
                atFieldStart = true;
                number++;
                if (fields.Exists(f => !string.IsNullOrWhiteSpace(f)))
                {
                    yield return (number, fields);
                }

                fields = [];
                continue;
            }

            field.Append(c);
            atFieldStart = false;
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(Nfc(field.ToString()));
            number++;
            if (fields.Exists(f => !string.IsNullOrWhiteSpace(f)))
            {
                yield return (number, fields);
            }
        }
    }

    private static int Take(StringBuilder sb)
    {
        var c = sb[0];
        sb.Remove(0, 1);
        return c;
    }

    private static string PeekFirstLine(StreamReader reader, StringBuilder buffer)
    {
        var inQuotes = false;
        while (true)
        {
            var ch = reader.Read();
            if (ch == -1)
            {
                break;
            }

            buffer.Append((char)ch);
            if (ch == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && ch is '\n' or '\r')
            {
                break;
            }
        }

        return buffer.ToString();
    }

    internal static char ChooseDelimiter(string headerLine)
    {
        int comma = 0, semicolon = 0, tab = 0;
        var inQuotes = false;
        foreach (var c in headerLine)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes)
            {
                switch (c)
                {
                    case ',': comma++; break;
                    case ';': semicolon++; break;
                    case '\t': tab++; break;
                }
            }
        }

        return tab > comma && tab >= semicolon ? '\t' : semicolon > comma ? ';' : ',';
    }
}
