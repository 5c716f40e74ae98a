using CongVu.Infrastructure.Text;

namespace CongVu.Features.Organisation.Import;

public enum RegistryColumn
{
    FullName,
    BirthDate,
    Gender,
    Ethnicity,
    Phone,
    Address,
    Cell,
    CardNumber,
    AdmittedOn,
    OfficialOn,
    Status,
    StatusSince,
    Reason,
    Post,
    Agency,
}

/// <summary>The columns of the registry file: the header text clerks write, with the synonyms we accept.</summary>
public static class RegistryColumns
{
    public static readonly RegistryColumn[] All = Enum.GetValues<RegistryColumn>();

    public static string Header(RegistryColumn c) => c switch
    {
        RegistryColumn.FullName => "Họ và tên",
        RegistryColumn.BirthDate => "Ngày sinh",
        RegistryColumn.Gender => "Giới tính",
        RegistryColumn.Ethnicity => "Dân tộc",
        RegistryColumn.Phone => "Số điện thoại",
        RegistryColumn.Address => "Địa chỉ",
        RegistryColumn.Cell => "Chi bộ",
        RegistryColumn.CardNumber => "Số thẻ đảng viên",
        RegistryColumn.AdmittedOn => "Ngày vào Đảng",
        RegistryColumn.OfficialOn => "Ngày chính thức",
        RegistryColumn.Status => "Trạng thái",
        RegistryColumn.StatusSince => "Ngày miễn sinh hoạt",
        RegistryColumn.Reason => "Lý do",
        RegistryColumn.Post => "Chức vụ",
        RegistryColumn.Agency => "Cơ quan",
        _ => c.ToString(),
    };

    private static readonly Dictionary<string, RegistryColumn> Synonyms = BuildSynonyms();

    private static Dictionary<string, RegistryColumn> BuildSynonyms()
    {
        var map = new Dictionary<string, RegistryColumn>(StringComparer.Ordinal);
        void Add(RegistryColumn c, params string[] names)
        {
            map[VietnameseText.Fold(Header(c))] = c;
            foreach (var n in names)
            {
                map[VietnameseText.Fold(n)] = c;
            }
        }

        Add(RegistryColumn.FullName, "Họ tên", "Họ và tên đảng viên", "Tên", "Full name");
        Add(RegistryColumn.BirthDate, "Ngày tháng năm sinh", "Sinh ngày", "Ngày, tháng, năm sinh");
        Add(RegistryColumn.Gender, "Giới", "Nam/Nữ", "Nam, nữ");
        Add(RegistryColumn.Ethnicity, "Dân tộc (ghi rõ)");
        Add(RegistryColumn.Phone, "Điện thoại", "SĐT", "Số ĐT");
        Add(RegistryColumn.Address, "Nơi ở", "Nơi ở hiện nay", "Nơi cư trú", "Chỗ ở hiện nay");
        Add(RegistryColumn.Cell, "Chi bộ sinh hoạt", "Mã chi bộ", "Tên chi bộ");
        Add(RegistryColumn.CardNumber, "Số thẻ đảng", "Số thẻ", "Số thẻ Đảng viên");
        Add(RegistryColumn.AdmittedOn, "Ngày kết nạp", "Ngày kết nạp Đảng", "Ngày vào Đảng (dự bị)");
        Add(RegistryColumn.OfficialOn, "Ngày vào Đảng chính thức", "Ngày công nhận chính thức");
        Add(RegistryColumn.Status, "Tình trạng", "Tình trạng sinh hoạt", "Trạng thái sinh hoạt");
        Add(RegistryColumn.StatusSince, "Miễn sinh hoạt từ ngày", "Ngày miễn", "Ngày bắt đầu miễn sinh hoạt");
        Add(RegistryColumn.Reason, "Lý do miễn sinh hoạt", "Lý do miễn");
        Add(RegistryColumn.Post, "Chức danh");
        Add(RegistryColumn.Agency, "Cơ quan công tác", "Đơn vị công tác", "Nơi công tác", "Đơn vị");
        return map;
    }

    /// <summary>Matches a header cell: folded, without "*" marks or a note in brackets such as "(dd/mm/yyyy)".</summary>
    public static RegistryColumn? Match(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var text = header.Replace("*", " ", StringComparison.Ordinal);
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var folded = VietnameseText.Fold(text);
        if (Synonyms.TryGetValue(folded, out var c))
        {
            return c;
        }

        if (open > 0 && Synonyms.TryGetValue(VietnameseText.Fold(text[..open]), out c))
        {
            return c;
        }

        return null;
    }
}
