using System.Globalization;
using CongVu.Infrastructure.Text;
using CongVu.Infrastructure.Web;

namespace CongVu.Features.Organisation.Import;

/// <summary>A problem with one row: row number as in the file, the column's header, and what is wrong, in Vietnamese.</summary>
public sealed record RowProblem(int Row, string Column, string Message)
{
    public string Text => Row > 0 ? $"Dòng {Row}, cột {Column}: {Message}" : Message;
}

/// <summary>A row that passed every check, with its values parsed and its units resolved.</summary>
public sealed record ParsedPerson(
    int Row,
    string FullName,
    DateOnly? BirthDate,
    Gender Gender,
    string? Ethnicity,
    string? Phone,
    string? Address,
    int? CellId,
    string? CardNumber,
    DateOnly? AdmittedOn,
    DateOnly? OfficialOn,
    MemberStatus Status,
    DateOnly? StatusSince,
    string? Reason,
    string? Post,
    int? AgencyId)
{
    public bool IsMember => CellId is not null;
}

/// <summary>What the rows are checked against: the units under the batch's party committee and what the registry already holds.</summary>
public sealed class RegistryLookup
{
    public required DateOnly Today { get; init; }

    /// <summary>Party cells valid today, by folded name and by code.</summary>
    public required IReadOnlyDictionary<string, int> Cells { get; init; }

    /// <summary>Agencies and party organisations valid today, by folded name and by code.</summary>
    public required IReadOnlyDictionary<string, int> Agencies { get; init; }

    /// <summary>Card numbers anywhere in the registry (the database keeps them unique across communes).</summary>
    public required IReadOnlySet<string> ExistingCardNumbers { get; init; }

    /// <summary>People already in scope, by PersonKey (folded name and birth date).</summary>
    public required IReadOnlySet<string> ExistingPeople { get; init; }

    public static string PersonKey(string fullName, DateOnly birthDate) =>
        VietnameseText.Fold(fullName) + "|" + birthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static RegistryLookup Build(OrgTreeSnapshot tree, int rootUnitId, DateOnly today, IEnumerable<string> cardNumbers, IEnumerable<string> people)
    {
        var cells = new Dictionary<string, int>(StringComparer.Ordinal);
        var agencies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in tree.Scope(rootUnitId))
        {
            if (tree.Find(id) is not { } node || !node.IsValidOn(today))
            {
                continue;
            }

            var target = node.Kind == OrgUnitKind.PartyCell ? cells
                : node.Kind == OrgUnitKind.Agency || OrgUnit.IsParty(node.Kind) ? agencies
                : null;
            if (target is null)
            {
                continue;
            }

            target.TryAdd(VietnameseText.Fold(node.Name), node.Id);
            target.TryAdd(VietnameseText.Fold(node.Code), node.Id);
        }

        return new RegistryLookup
        {
            Today = today,
            Cells = cells,
            Agencies = agencies,
            ExistingCardNumbers = new HashSet<string>(cardNumbers.Select(c => c.Trim()), StringComparer.OrdinalIgnoreCase),
            ExistingPeople = new HashSet<string>(people, StringComparer.Ordinal),
        };
    }
}

/// <summary>
/// Checks the rows of one file in order, remembering card numbers and people already seen so that
/// duplicates inside the file are reported against their first row. Pure: no I/O.
/// </summary>
public sealed class RegistryRowValidator(RegistryLookup lookup)
{
    // Column lengths follow AppDbContext (Person, PartyMembership, PublicPost).
    public const int FullNameMax = 200;
    public const int EthnicityMax = 50;
    public const int PhoneMax = 30;
    public const int AddressMax = 300;
    public const int CardNumberMax = 30;
    public const int ReasonMax = 500;
    public const int PostMax = 200;

    private readonly Dictionary<string, int> _cardsSeen = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _peopleSeen = new(StringComparer.Ordinal);

    public (ParsedPerson? Person, List<RowProblem> Problems) Check(RegistryRow row)
    {
        var problems = new List<RowProblem>();
        void Problem(RegistryColumn c, string message) => problems.Add(new RowProblem(row.Number, RegistryColumns.Header(c), message));

        string? Text(RegistryColumn c, int max)
        {
            var v = row[c];
            if (v is not null && v.Length > max)
            {
                Problem(c, $"dài {v.Length} ký tự, tối đa {max} ký tự.");
            }

            return v;
        }

        DateOnly? Date(RegistryColumn c)
        {
            var v = row[c];
            if (v is null)
            {
                return null;
            }

            if (!TryParseDate(v, out var d))
            {
                Problem(c, $"“{v}” không phải ngày hợp lệ (dd/mm/yyyy).");
                return null;
            }

            if (d > lookup.Today)
            {
                Problem(c, $"ngày {Formats.Date(d)} ở tương lai.");
                return null;
            }

            return d;
        }

        var name = Text(RegistryColumn.FullName, FullNameMax);
        if (name is null)
        {
            Problem(RegistryColumn.FullName, "thiếu họ và tên.");
        }

        var birth = Date(RegistryColumn.BirthDate);
        var gender = Gender.Unknown;
        if (row[RegistryColumn.Gender] is string g)
        {
            switch (VietnameseText.Fold(g))
            {
                case "nam" or "male" or "m":
                    gender = Gender.Male;
                    break;
                case "nu" or "female" or "f":
                    gender = Gender.Female;
                    break;
                default:
                    Problem(RegistryColumn.Gender, $"“{g}” không hợp lệ (Nam hoặc Nữ).");
                    break;
            }
        }

        var ethnicity = Text(RegistryColumn.Ethnicity, EthnicityMax);
        var phone = Text(RegistryColumn.Phone, PhoneMax);
        var address = Text(RegistryColumn.Address, AddressMax);
        var card = Text(RegistryColumn.CardNumber, CardNumberMax);
        var admitted = Date(RegistryColumn.AdmittedOn);
        var official = Date(RegistryColumn.OfficialOn);
        var statusSince = Date(RegistryColumn.StatusSince);
        var reason = Text(RegistryColumn.Reason, ReasonMax);
        var post = Text(RegistryColumn.Post, PostMax);

        var isMember = row[RegistryColumn.Cell] is not null || row[RegistryColumn.CardNumber] is not null || row[RegistryColumn.AdmittedOn] is not null;
        int? cellId = null;
        var status = MemberStatus.Active;
        if (isMember)
        {
            if (row[RegistryColumn.Cell] is not string cellText)
            {
                Problem(RegistryColumn.Cell, "đảng viên phải có chi bộ (tên hoặc mã chi bộ).");
            }
            else if (lookup.Cells.TryGetValue(VietnameseText.Fold(cellText), out var id))
            {
                cellId = id;
            }
            else
            {
                Problem(RegistryColumn.Cell, $"không tìm thấy chi bộ “{cellText}” trực thuộc đảng bộ đang hoạt động.");
            }

            if (row[RegistryColumn.AdmittedOn] is null)
            {
                Problem(RegistryColumn.AdmittedOn, "đảng viên phải có ngày vào Đảng.");
            }

            // Điều lệ Đảng, Điều 1: a citizen is admitted from the age of eighteen.
            if (birth is DateOnly b && admitted is DateOnly a && a < b.AddYears(18))
            {
                Problem(RegistryColumn.AdmittedOn, $"ngày vào Đảng {Formats.Date(a)} khi chưa đủ 18 tuổi (sinh ngày {Formats.Date(b)}).");
            }

            if (admitted is DateOnly a2 && official is DateOnly o && o <= a2)
            {
                Problem(RegistryColumn.OfficialOn, $"ngày chính thức {Formats.Date(o)} phải sau ngày vào Đảng {Formats.Date(a2)}.");
            }

            if (row[RegistryColumn.Status] is string s)
            {
                switch (VietnameseText.Fold(s))
                {
                    case "dang sinh hoat" or "sinh hoat" or "binh thuong":
                        status = MemberStatus.Active;
                        break;
                    case "mien sinh hoat" or "mien sinh hoat dang" or "mien":
                        status = MemberStatus.ExemptFromActivities;
                        break;
                    case "dinh chi sinh hoat" or "dinh chi":
                        status = MemberStatus.Suspended;
                        break;
                    default:
                        Problem(RegistryColumn.Status, $"“{s}” không hợp lệ (Đang sinh hoạt / Miễn sinh hoạt / Đình chỉ sinh hoạt).");
                        break;
                }
            }

            if (status != MemberStatus.Active)
            {
                if (statusSince is null && row[RegistryColumn.StatusSince] is null)
                {
                    Problem(RegistryColumn.StatusSince, $"đảng viên {StatusWord(status)} phải có ngày bắt đầu.");
                }

                if (reason is null)
                {
                    Problem(RegistryColumn.Reason, $"đảng viên {StatusWord(status)} phải có lý do.");
                }

                if (statusSince is DateOnly since && admitted is DateOnly a3 && since <= a3)
                {
                    Problem(RegistryColumn.StatusSince, $"ngày {Formats.Date(since)} phải sau ngày vào Đảng {Formats.Date(a3)}.");
                }
            }

            if (card is not null && card.Length <= CardNumberMax)
            {
                if (_cardsSeen.TryGetValue(card, out var firstRow))
                {
                    Problem(RegistryColumn.CardNumber, $"số thẻ “{card}” trùng với dòng {firstRow}.");
                }
                else
                {
                    _cardsSeen[card] = row.Number;
                    if (lookup.ExistingCardNumbers.Contains(card))
                    {
                        Problem(RegistryColumn.CardNumber, $"số thẻ “{card}” đã có trong hệ thống — không ghi đè.");
                    }
                }
            }
        }

        int? agencyId = null;
        var agencyText = row[RegistryColumn.Agency];
        if (!isMember && (post is null || agencyText is null))
        {
            Problem(post is null ? RegistryColumn.Post : RegistryColumn.Agency,
                "người không phải đảng viên (không có chi bộ, số thẻ, ngày vào Đảng) phải có Chức vụ và Cơ quan.");
        }
        else if (post is not null && agencyText is null)
        {
            Problem(RegistryColumn.Agency, "có chức vụ thì phải ghi cơ quan.");
        }
        else if (post is null && agencyText is not null)
        {
            Problem(RegistryColumn.Post, "có cơ quan thì phải ghi chức vụ.");
        }

        if (agencyText is not null)
        {
            if (lookup.Agencies.TryGetValue(VietnameseText.Fold(agencyText), out var aid))
            {
                agencyId = aid;
            }
            else
            {
                Problem(RegistryColumn.Agency, $"không tìm thấy cơ quan “{agencyText}” trong xã.");
            }
        }

        // Without a card number, the same name and birth date is taken to be the same person.
        if (name is not null && birth is DateOnly bd && (card is null || !isMember))
        {
            var key = RegistryLookup.PersonKey(name, bd);
            if (_peopleSeen.TryGetValue(key, out var firstRow))
            {
                Problem(RegistryColumn.FullName, $"“{name}” sinh ngày {Formats.Date(bd)} trùng với dòng {firstRow}.");
            }
            else
            {
                _peopleSeen[key] = row.Number;
                if (lookup.ExistingPeople.Contains(key))
                {
                    Problem(RegistryColumn.FullName, $"“{name}” sinh ngày {Formats.Date(bd)} đã có trong hệ thống — không ghi đè.");
                }
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var startedOn = status == MemberStatus.Active ? admitted : statusSince;
        return (new ParsedPerson(
            row.Number, name!, birth, gender, ethnicity, phone, address,
            cellId, card, admitted, official, status, startedOn, status == MemberStatus.Active ? null : reason,
            post, agencyId), problems);
    }

    private static string StatusWord(MemberStatus s) => s == MemberStatus.Suspended ? "đình chỉ sinh hoạt" : "miễn sinh hoạt";

    /// <summary>A date as text (dd/mm/yyyy and the usual variants) or as an Excel serial number (days since 30/12/1899).</summary>
    public static bool TryParseDate(string? text, out DateOnly date)
    {
        if (Formats.TryParseDate(text, out date))
        {
            return true;
        }

        // 60 is Excel's phantom 29/02/1900; real registry dates are far later, so serials start past it.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 60 and < 2958466)
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
            return true;
        }

        date = default;
        return false;
    }
}
