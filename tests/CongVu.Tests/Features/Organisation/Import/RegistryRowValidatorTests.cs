using CongVu.Features.Organisation;
using CongVu.Features.Organisation.Import;
using C = CongVu.Features.Organisation.Import.RegistryColumn;

namespace CongVu.Tests.Features.Organisation.Import;

public class RegistryRowValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static RegistryLookup Lookup() => new()
    {
        Today = Today,
        Cells = new Dictionary<string, int> { ["chi bo ap cho"] = 10, ["ap-cho"] = 10 },
        Agencies = new Dictionary<string, int> { ["ubnd xa"] = 20 },
        ExistingCardNumbers = new HashSet<string>(["93.999"], StringComparer.OrdinalIgnoreCase),
        ExistingPeople = new HashSet<string>([RegistryLookup.PersonKey("Ngô Văn Cũ", new DateOnly(1960, 1, 1))]),
    };

    private static Dictionary<C, string?> Member(params (C Column, string? Value)[] overrides)
    {
        var d = new Dictionary<C, string?>
        {
            [C.FullName] = "Nguyễn Văn An",
            [C.BirthDate] = "05/02/1970",
            [C.Gender] = "Nam",
            [C.Cell] = "Chi bộ ấp Chợ",
            [C.CardNumber] = "93.001",
            [C.AdmittedOn] = "19/05/1995",
        };
        foreach (var (c, v) in overrides)
        {
            d[c] = v;
        }

        return d;
    }

    private static Dictionary<C, string?> Official(params (C Column, string? Value)[] overrides)
    {
        var d = new Dictionary<C, string?> { [C.FullName] = "Lê Thị Bé", [C.BirthDate] = "01/01/1985", [C.Post] = "Công chức tư pháp", [C.Agency] = "UBND xã" };
        foreach (var (c, v) in overrides)
        {
            d[c] = v;
        }

        return d;
    }

    public static TheoryData<string, Dictionary<C, string?>, string?, string?> Rows() => new()
    {
        { "a complete member", Member(), null, null },
        { "a member found by cell code", Member((C.Cell, "ap-cho")), null, null },
        { "an official who is not a member", Official(), null, null },
        { "a missing name", Member((C.FullName, null)), "Họ và tên", "thiếu họ và tên" },
        { "an impossible date", Member((C.BirthDate, "31/02/1970")), "Ngày sinh", "“31/02/1970” không phải ngày hợp lệ (dd/mm/yyyy)" },
        { "a birth date in the future", Member((C.BirthDate, "01/01/2030")), "Ngày sinh", "ở tương lai" },
        { "admission before eighteen", Member((C.BirthDate, "05/02/1980")), "Ngày vào Đảng", "chưa đủ 18 tuổi" },
        { "made official before admission", Member((C.OfficialOn, "01/01/1990")), "Ngày chính thức", "phải sau ngày vào Đảng" },
        { "an unknown cell", Member((C.Cell, "Chi bộ ấp Không Có")), "Chi bộ", "không tìm thấy chi bộ “Chi bộ ấp Không Có”" },
        { "a member without a cell", Member((C.Cell, null)), "Chi bộ", "phải có chi bộ" },
        { "a member without admission date", Member((C.AdmittedOn, null)), "Ngày vào Đảng", "phải có ngày vào Đảng" },
        { "a card already in the registry", Member((C.CardNumber, "93.999")), "Số thẻ đảng viên", "đã có trong hệ thống — không ghi đè" },
        { "an unknown status", Member((C.Status, "Nghỉ hưu")), "Trạng thái", "“Nghỉ hưu” không hợp lệ" },
        { "an exempt member without a date", Member((C.Status, "Miễn sinh hoạt"), (C.Reason, "Tuổi cao")), "Ngày miễn sinh hoạt", "phải có ngày bắt đầu" },
        { "an exempt member without a reason", Member((C.Status, "Miễn sinh hoạt"), (C.StatusSince, "01/01/2020")), "Lý do", "phải có lý do" },
        { "an exempt member, complete", Member((C.Status, "miễn sinh hoạt"), (C.StatusSince, "01/01/2020"), (C.Reason, "Tuổi cao")), null, null },
        { "an unknown gender", Member((C.Gender, "X")), "Giới tính", "Nam hoặc Nữ" },
        { "a name over 200 characters", Member((C.FullName, new string('A', 201))), "Họ và tên", "tối đa 200 ký tự" },
        { "a phone over 30 characters", Member((C.Phone, new string('9', 31))), "Số điện thoại", "tối đa 30 ký tự" },
        { "an official without agency", Official((C.Agency, null)), "Cơ quan", "phải có Chức vụ và Cơ quan" },
        { "an unknown agency", Official((C.Agency, "Sở Không Có")), "Cơ quan", "không tìm thấy cơ quan" },
        { "a person already in the registry", Official((C.FullName, "Ngô Văn Cũ"), (C.BirthDate, "01/01/1960")), "Họ và tên", "đã có trong hệ thống — không ghi đè" },
        { "a date as an Excel serial number", Member((C.BirthDate, "25569")), null, null },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Check_Row_ReportsTheExpectedProblem(string description, Dictionary<C, string?> cells, string? column, string? fragment)
    {
        var (person, problems) = new RegistryRowValidator(Lookup()).Check(RegistryRow.Of(7, cells));

        if (fragment is null)
        {
            Assert.True(problems.Count == 0, description + ": " + string.Join(" | ", problems.Select(p => p.Text)));
            Assert.NotNull(person);
        }
        else
        {
            Assert.Null(person);
            Assert.Contains(problems, p => p.Row == 7 && p.Column == column && p.Message.Contains(fragment, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Check_BadDate_ReadsAsAFullVietnameseSentence()
    {
        var (_, problems) = new RegistryRowValidator(Lookup()).Check(RegistryRow.Of(7, Member((C.BirthDate, "31/02/1970"))));

        Assert.Equal("Dòng 7, cột Ngày sinh: “31/02/1970” không phải ngày hợp lệ (dd/mm/yyyy).", Assert.Single(problems).Text);
    }

    [Fact]
    public void Check_SameCardTwiceInTheFile_PointsToTheFirstRow()
    {
        var validator = new RegistryRowValidator(Lookup());
        validator.Check(RegistryRow.Of(3, Member()));

        var (person, problems) = validator.Check(RegistryRow.Of(9, Member((C.FullName, "Người Khác"))));

        Assert.Null(person);
        Assert.Contains("trùng với dòng 3", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ExemptMember_CarriesStatusDateAndReason()
    {
        var (person, _) = new RegistryRowValidator(Lookup()).Check(RegistryRow.Of(2, Member((C.Status, "Miễn sinh hoạt"), (C.StatusSince, "01/01/2020"), (C.Reason, "Tuổi cao"))));

        Assert.NotNull(person);
        Assert.Equal(MemberStatus.ExemptFromActivities, person.Status);
        Assert.Equal(new DateOnly(2020, 1, 1), person.StatusSince);
        Assert.Equal("Tuổi cao", person.Reason);
        Assert.Equal(10, person.CellId);
    }

    [Fact]
    public void Build_ExemptOfficialMember_KeepsHistoryThroughTheLedger()
    {
        var (parsed, _) = new RegistryRowValidator(Lookup()).Check(RegistryRow.Of(2, Member((C.OfficialOn, "19/05/1996"), (C.Status, "Miễn sinh hoạt"), (C.StatusSince, "01/01/2020"), (C.Reason, "Tuổi cao"))));

        var person = ImportedMembership.Build(parsed!, Today, new DateTime(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc), "vanphong");

        var m = person.Membership!;
        Assert.Equal(MemberClass.Official, m.Class);
        Assert.Equal(MemberStatus.ExemptFromActivities, m.Status);
        Assert.Equal(
            [MembershipChange.Imported, MembershipChange.MadeOfficial, MembershipChange.Exempted],
            m.Periods.OrderBy(p => p.From).Select(p => p.Change).ToArray());
        Assert.Single(m.Periods, p => p.To is null);
    }

    [Theory]
    [InlineData("Họ và tên*", C.FullName)]
    [InlineData("HỌ TÊN", C.FullName)]
    [InlineData("Ngày sinh (dd/mm/yyyy)", C.BirthDate)]
    [InlineData("Số thẻ Đảng", C.CardNumber)]
    [InlineData("Ngày kết nạp", C.AdmittedOn)]
    [InlineData("Đơn vị công tác", C.Agency)]
    [InlineData("SĐT", C.Phone)]
    public void Match_HeaderSynonyms_FindTheColumn(string header, C expected)
    {
        Assert.Equal(expected, RegistryColumns.Match(header));
    }
}
