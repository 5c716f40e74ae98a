using System.Globalization;
using CongVu.Features.Organisation;
using CongVu.Features.Organisation.Import;
using CongVu.Infrastructure.Text;
using CongVu.Infrastructure.Web;

namespace CongVu.Features.Households;

/// <summary>One data row of a household file, checked: the values to write, or the problems to show the clerk.</summary>
public sealed record HouseholdImportRow(int Row, int? HamletId, string Number, string HeadName, int Members, string? Address, DateOnly? RegisteredOn, IReadOnlyList<string> Problems)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// Reads a household list (.xlsx or .csv) with the registry import's file reader: columns Ấp/Khóm, Số hộ, Chủ hộ,
/// Số nhân khẩu, Địa chỉ, Ngày vào sổ. Pure: the caller gives the hamlets the clerk may write to.
/// </summary>
public static class HouseholdImport
{
    public const long MaxBytes = 2 * 1024 * 1024;
    public const int MaxRows = 5000;

    private enum Col
    {
        Hamlet,
        Number,
        Head,
        Members,
        Address,
        Registered,
    }

    private static readonly Dictionary<string, Col> Headers = new(StringComparer.Ordinal)
    {
        ["ap"] = Col.Hamlet, ["ap/khom"] = Col.Hamlet, ["khom"] = Col.Hamlet, ["ap, khom"] = Col.Hamlet, ["thon"] = Col.Hamlet,
        ["so ho"] = Col.Number, ["ma ho"] = Col.Number,
        ["chu ho"] = Col.Head, ["ho ten chu ho"] = Col.Head, ["ho va ten chu ho"] = Col.Head,
        ["so nhan khau"] = Col.Members, ["nhan khau"] = Col.Members, ["so thanh vien"] = Col.Members,
        ["dia chi"] = Col.Address,
        ["ngay vao so"] = Col.Registered, ["ngay dang ky"] = Col.Registered,
    };

    public const string TemplateHeader = "Ấp/Khóm,Số hộ,Chủ hộ,Số nhân khẩu,Địa chỉ,Ngày vào sổ";

    /// <summary>Checks every row; throws RegistryFileException (Vietnamese) when the file itself cannot be used.</summary>
    public static List<HouseholdImportRow> Read(byte[] content, string? fileName, IReadOnlyList<OrgNode> hamlets, DateOnly today)
    {
        if (RegistryFileReader.CheckSize(content.LongLength, MaxBytes) is string sizeProblem)
        {
            throw new RegistryFileException(sizeProblem);
        }

        var format = RegistryFileReader.DetectFormat(content, fileName);
        Dictionary<Col, int>? map = null;
        var rows = new List<HouseholdImportRow>();
        var seen = new HashSet<(int, string)>();
        foreach (var (number, cells) in RegistryFileReader.RawRows(content, format))
        {
            if (map is null)
            {
                map = [];
                for (var i = 0; i < cells.Count; i++)
                {
                    if (Headers.TryGetValue(VietnameseText.Fold(cells[i]).Trim(), out var c) && !map.ContainsKey(c))
                    {
                        map[c] = i;
                    }
                }

                var missing = new[] { (Col.Hamlet, "Ấp/Khóm"), (Col.Number, "Số hộ"), (Col.Head, "Chủ hộ") }.Where(m => !map.ContainsKey(m.Item1)).Select(m => m.Item2).ToList();
                if (missing.Count > 0)
                {
                    throw new RegistryFileException($"Dòng tiêu đề (dòng {number}) thiếu cột bắt buộc: {string.Join(", ", missing)}. Các cột: {TemplateHeader}.");
                }

                continue;
            }

            if (rows.Count >= MaxRows)
            {
                throw new RegistryFileException(RegistryFileReader.TooManyRowsMessage(MaxRows));
            }

            string? Cell(Col c) => map.TryGetValue(c, out var i) && i < cells.Count && !string.IsNullOrWhiteSpace(cells[i]) ? cells[i]!.Trim() : null;
            var problems = new List<string>();
            var hamletText = Cell(Col.Hamlet);
            var hamlet = hamletText is null ? null : FindHamlet(hamlets, hamletText);
            if (hamletText is null)
            {
                problems.Add("Thiếu tên ấp/khóm.");
            }
            else if (hamlet is null)
            {
                problems.Add($"Không có ấp/khóm “{hamletText}” trong phạm vi quản lý của bạn.");
            }

            var householdNumber = Cell(Col.Number) ?? string.Empty;
            if (householdNumber.Length == 0)
            {
                problems.Add("Thiếu số hộ.");
            }
            else if (householdNumber.Length > 40)
            {
                problems.Add("Số hộ quá 40 ký tự.");
            }
            else if (hamlet is not null && !seen.Add((hamlet.Id, householdNumber)))
            {
                problems.Add($"Số hộ “{householdNumber}” lặp lại trong tệp.");
            }

            var head = Cell(Col.Head) ?? string.Empty;
            if (head.Length == 0)
            {
                problems.Add("Thiếu họ tên chủ hộ.");
            }
            else if (head.Length > 200)
            {
                problems.Add("Họ tên chủ hộ quá 200 ký tự.");
            }

            var members = 1;
            if (Cell(Col.Members) is string m && (!int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out members) || members < 1 || members > 50))
            {
                problems.Add($"Số nhân khẩu “{m}” không hợp lệ (từ 1 đến 50).");
            }

            DateOnly? registered = null;
            if (Cell(Col.Registered) is string d)
            {
                if (Formats.TryParseDate(d, out var day) && day <= today)
                {
                    registered = day;
                }
                else
                {
                    problems.Add($"Ngày vào sổ “{d}” không hợp lệ (dd/mm/yyyy, không sau hôm nay).");
                }
            }

            var address = Cell(Col.Address);
            if (address?.Length > 300)
            {
                problems.Add("Địa chỉ quá 300 ký tự.");
            }

            rows.Add(new HouseholdImportRow(number, hamlet?.Id, householdNumber, head, members, address, registered, problems));
        }

        if (map is null)
        {
            throw new RegistryFileException(RegistryFileReader.EmptyMessage);
        }

        return rows;
    }

    private static OrgNode? FindHamlet(IReadOnlyList<OrgNode> hamlets, string text)
    {
        var folded = VietnameseText.Fold(text).Trim();
        return hamlets.FirstOrDefault(h => string.Equals(h.Code, text, StringComparison.OrdinalIgnoreCase))
            ?? hamlets.FirstOrDefault(h => VietnameseText.Fold(h.Name) == folded)
            ?? hamlets.FirstOrDefault(h => VietnameseText.Fold("Ấp " + text) == VietnameseText.Fold(h.Name));
    }
}
