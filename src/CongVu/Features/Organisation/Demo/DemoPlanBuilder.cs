using System.Globalization;
using CongVu.Infrastructure.Text;

namespace CongVu.Features.Organisation.Demo;

/// <summary>Hiếu Trung until 30/6/2025, then xã Tiểu Cần, from a fixed seed: pure, so the same seed gives the same data.</summary>
public static class DemoPlanBuilder
{
    public const int DefaultSeed = 20201231;

    public const string OldCommuneCode = "hieu-trung";
    public const string NewCommuneCode = "tieu-can";
    public const string OldCommitteeCode = "dang-bo-xa-hieu-trung";
    public const string NewCommitteeCode = "dang-bo-xa-tieu-can";
    public const string OldProvinceCommitteeCode = "dang-bo-tinh-tra-vinh";
    public const string NewProvinceCommitteeCode = "dang-bo-tinh-vinh-long";
    public const string CayGonCellCode = "tieu-can-cb-ap-cay-gon";

    /// <summary>The 2020 figures the source article gives for Đảng bộ xã Hiếu Trung.</summary>
    public static readonly DateOnly ReportDay = new(2020, 12, 31);

    public const int ReportCells = 13;
    public const int ReportMembers = 286;
    public const int ReportExempt = 49;

    public static readonly DateOnly MergerDay = new(2025, 7, 1);

    public static DemoPlan Build(int seed = DefaultSeed) => new DemoGenerator(seed).Run();
}

internal enum CellType
{
    Hamlet,
    Office,
    Police,
    Health,
    School,
    Military,
}

/// <summary>One party cell to create: its roll size and exempt count are the figures at the report day (old cells) or at the merger (new cells).</summary>
internal sealed record CellSpec(string Name, string? Hamlet, CellType Type, int Members, int Exempt, string? AgencyKey = null, string? HeadTitle = null);

internal sealed record AgencySpec(string Key, string Name, string ShortName);

internal sealed record LifeEvent(DateOnly Day, MembershipChange Change, int? ToCell, string? Reason);

/// <summary>A member's history before it is written through the ledger.</summary>
internal sealed class Life(Person person, int firstCell, DateOnly admitted)
{
    public Person Person { get; } = person;

    public int FirstCell { get; } = firstCell;

    public int EndCell { get; set; } = firstCell;

    public DateOnly Admitted { get; } = admitted;

    public MembershipChange Entry { get; set; } = MembershipChange.Admitted;

    public DateOnly EntryDay { get; set; } = admitted;

    public MemberStatus EntryStatus { get; set; } = MemberStatus.Active;

    public string? EntryReason { get; set; }

    public bool Exempt { get; set; }

    public List<LifeEvent> Events { get; } = [];
}

internal sealed class DemoGenerator
{
    private const string RecordedBy = "Văn phòng Đảng ủy (dữ liệu mẫu)";
    private const string MergerBasis = "Nghị quyết của UBTVQH về sắp xếp ĐVHC cấp xã tỉnh Vĩnh Long năm 2025";
    private const string ProvinceBasis = "Nghị quyết của Quốc hội về sắp xếp ĐVHC cấp tỉnh năm 2025";
    private const string DistrictBasis = "Luật Tổ chức chính quyền địa phương 2025: không tổ chức cấp huyện từ 01/7/2025";
    private const string PartyBasis = "Quyết định của cấp ủy cấp trên về hợp nhất tổ chức đảng khi sắp xếp ĐVHC năm 2025";

    private static readonly DateOnly Founded = new(1976, 1, 1);
    private static readonly DateOnly LastOldDay = new(2025, 6, 30);
    private static readonly DateOnly HistoryStart = new(2016, 1, 1);
    private static readonly DateOnly HistoryEnd = new(2026, 3, 31);
    private static readonly DateOnly TermStart = new(2020, 10, 1);
    private static readonly DateOnly CouncilStart = new(2021, 6, 25);

    private static readonly string[] ExemptReasons =
    [
        "Tuổi cao, sức yếu", "Tuổi cao, sức yếu", "Tuổi cao, sức yếu", "Tuổi cao, sức yếu",
        "Tuổi cao, bệnh mãn tính", "Bệnh nặng, điều trị dài ngày",
    ];

    private static readonly string[] TransferDestinations =
    [
        "Đảng bộ phường 1, thành phố Trà Vinh", "Đảng bộ thị trấn Cầu Quan, huyện Tiểu Cần",
        "Đảng bộ xã Tân Hùng, huyện Tiểu Cần", "Đảng bộ phường Phú Hòa, thành phố Thủ Dầu Một, tỉnh Bình Dương",
        "Đảng bộ Công an tỉnh Trà Vinh", "Đảng bộ phường 5, thành phố Vĩnh Long",
    ];

    private static readonly string[] NewTransferDestinations =
    [
        "Đảng bộ phường Trà Vinh, tỉnh Vĩnh Long", "Đảng bộ xã Cầu Kè, tỉnh Vĩnh Long", "Đảng bộ phường Thủ Dầu Một, Thành phố Hồ Chí Minh",
    ];

    private static readonly string[] Khoms = ["Khóm 1", "Khóm 2", "Khóm 3", "Khóm 4"];

    private static readonly CellSpec[] OldCells =
    [
        new("Chi bộ ấp Phú Thọ 1", "Phú Thọ 1", CellType.Hamlet, 38, 9),
        new("Chi bộ ấp Phú Thọ 2", "Phú Thọ 2", CellType.Hamlet, 31, 8),
        new("Chi bộ ấp Cây Gòn", "Cây Gòn", CellType.Hamlet, 36, 9),
        new("Chi bộ ấp Tân Trung Kinh", "Tân Trung Kinh", CellType.Hamlet, 34, 8),
        new("Chi bộ ấp Tân Trung Giồng A", "Tân Trung Giồng A", CellType.Hamlet, 30, 7),
        new("Chi bộ ấp Tân Trung Giồng B", "Tân Trung Giồng B", CellType.Hamlet, 33, 8),
        new("Chi bộ Cơ quan", null, CellType.Office, 26, 0),
        new("Chi bộ Công an", null, CellType.Police, 11, 0, "cong-an", "Trưởng Công an xã"),
        new("Chi bộ Y tế", null, CellType.Health, 8, 0, "tram-y-te", "Trạm trưởng Trạm Y tế"),
        new("Chi bộ Trường Mẫu giáo Hiếu Trung", null, CellType.School, 6, 0, "mg-hieu-trung", "Hiệu trưởng"),
        new("Chi bộ Trường Tiểu học Hiếu Trung A", null, CellType.School, 10, 0, "th-hieu-trung-a", "Hiệu trưởng"),
        new("Chi bộ Trường Tiểu học Hiếu Trung B", null, CellType.School, 9, 0, "th-hieu-trung-b", "Hiệu trưởng"),
        new("Chi bộ Trường THCS Hiếu Trung", null, CellType.School, 14, 0, "thcs-hieu-trung", "Hiệu trưởng"),
    ];

    private static readonly CellSpec[] TownCells =
    [
        new("Chi bộ khóm 1", "Khóm 1", CellType.Hamlet, 38, 6),
        new("Chi bộ khóm 2", "Khóm 2", CellType.Hamlet, 33, 5),
        new("Chi bộ khóm 3", "Khóm 3", CellType.Hamlet, 35, 6),
        new("Chi bộ khóm 4", "Khóm 4", CellType.Hamlet, 29, 4),
        new("Chi bộ ấp Phú Hòa", "Phú Hòa", CellType.Hamlet, 30, 5),
        new("Chi bộ ấp Cây Dương", "Cây Dương", CellType.Hamlet, 26, 4),
        new("Chi bộ Trường THCS thị trấn Tiểu Cần", null, CellType.School, 15, 0, "thcs-thi-tran", "Hiệu trưởng"),
        new("Chi bộ Quân sự", null, CellType.Military, 10, 0, "quan-su", "Chỉ huy trưởng Ban Chỉ huy Quân sự xã"),
    ];

    private static readonly AgencySpec[] CommuneBodies =
    [
        new("ubnd", "Ủy ban nhân dân xã {0}", "UBND xã"),
        new("hdnd", "Hội đồng nhân dân xã {0}", "HĐND xã"),
        new("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam xã {0}", "Ủy ban MTTQ xã"),
        new("hoi-nong-dan", "Hội Nông dân xã {0}", "Hội Nông dân"),
        new("hoi-phu-nu", "Hội Liên hiệp Phụ nữ xã {0}", "Hội LHPN"),
        new("doan-thanh-nien", "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã {0}", "Đoàn Thanh niên"),
        new("hoi-cuu-chien-binh", "Hội Cựu chiến binh xã {0}", "Hội CCB"),
        new("cong-an", "Công an xã {0}", "Công an xã"),
        new("tram-y-te", "Trạm Y tế xã {0}", "Trạm Y tế"),
    ];

    private static readonly AgencySpec[] HieuTrungSchools =
    [
        new("mg-hieu-trung", "Trường Mẫu giáo Hiếu Trung", "MG Hiếu Trung"),
        new("th-hieu-trung-a", "Trường Tiểu học Hiếu Trung A", "TH Hiếu Trung A"),
        new("th-hieu-trung-b", "Trường Tiểu học Hiếu Trung B", "TH Hiếu Trung B"),
        new("thcs-hieu-trung", "Trường THCS Hiếu Trung", "THCS Hiếu Trung"),
    ];

    private static readonly AgencySpec[] TownBodies =
    [
        new("thcs-thi-tran", "Trường THCS thị trấn Tiểu Cần", "THCS thị trấn"),
        new("quan-su", "Ban Chỉ huy Quân sự xã Tiểu Cần", "BCH Quân sự"),
    ];

    private readonly Random _rng;
    private readonly DemoNames _names;
    private readonly List<OrgUnit> _units = [];
    private readonly Dictionary<int, int> _childCount = [];
    private readonly List<OrgUnitSuccession> _successions = [];
    private readonly List<Person> _people = [];
    private readonly List<Life> _lives = [];
    private readonly HashSet<Person> _reserved = [];
    private readonly HashSet<string> _cards = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _successorCell = [];
    private readonly Dictionary<int, CellSpec> _cellSpec = [];
    private readonly Dictionary<int, string> _cellHamlet = [];
    private readonly Dictionary<string, OrgUnit> _oldAgencies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrgUnit> _newAgencies = new(StringComparer.Ordinal);
    private readonly List<OrgUnit> _oldCells = [];
    private readonly List<OrgUnit> _newCells = [];
    private readonly List<string> _oldHamletNames = [];

    public DemoGenerator(int seed)
    {
        // A seeded Random is stable across runs and machines: that is what a demo needs, not secrecy.
        _rng = new Random(seed);
        _names = new DemoNames(_rng);
    }

    public DemoPlan Run()
    {
        BuildTree();
        var ly = BuildHieuTrungRoll();
        AddHistoryBefore2021();
        AddEventsAfter2020();
        AddAdmissions();
        var (cayGonSecretary, cayGonMember) = BuildTieuCan(ly);
        foreach (var life in _lives)
        {
            Realise(life);
        }

        return new DemoPlan(_units, _successions, _people, ly, cayGonSecretary, cayGonMember);
    }

    // ---- Organisation tree -------------------------------------------------------------------

    private void BuildTree()
    {
        var old = (From: Founded, To: (DateOnly?)LastOldDay);
        var now = (From: DemoPlanBuilder.MergerDay, To: (DateOnly?)null);

        var traVinh = AddUnit(null, OrgUnitKind.Province, "tra-vinh", "Tỉnh Trà Vinh", old);
        var district = AddUnit(traVinh, OrgUnitKind.District, "huyen-tieu-can", "Huyện Tiểu Cần", old);
        var hieuTrung = AddUnit(district, OrgUnitKind.Commune, DemoPlanBuilder.OldCommuneCode, "Xã Hiếu Trung", old);
        var oldHamlets = new Dictionary<string, OrgUnit>(StringComparer.Ordinal);
        foreach (var spec in OldCells.Where(c => c.Hamlet is not null))
        {
            oldHamlets[spec.Hamlet!] = AddUnit(hieuTrung, OrgUnitKind.Hamlet, "hieu-trung-ap-" + VietnameseText.Slug(spec.Hamlet), "Ấp " + spec.Hamlet, old);
            _oldHamletNames.Add(spec.Hamlet!);
        }

        foreach (var a in CommuneBodies.Concat(HieuTrungSchools))
        {
            _oldAgencies[a.Key] = AddUnit(hieuTrung, OrgUnitKind.Agency, "hieu-trung-" + a.Key, string.Format(CultureInfo.InvariantCulture, a.Name, "Hiếu Trung"), old, shortName: a.ShortName);
        }

        var oldProvinceParty = AddUnit(null, OrgUnitKind.ProvincialPartyCommittee, DemoPlanBuilder.OldProvinceCommitteeCode, "Đảng bộ tỉnh Trà Vinh", old, traVinh);
        var districtParty = AddUnit(oldProvinceParty, OrgUnitKind.DistrictPartyCommittee, "dang-bo-huyen-tieu-can", "Đảng bộ huyện Tiểu Cần", old, district);
        var oldCommittee = AddUnit(districtParty, OrgUnitKind.CommunePartyCommittee, DemoPlanBuilder.OldCommitteeCode, "Đảng bộ xã Hiếu Trung", old, hieuTrung, "Đảng bộ xã");
        foreach (var spec in OldCells)
        {
            var cell = AddUnit(oldCommittee, OrgUnitKind.PartyCell, "hieu-trung-cb-" + CellSlug(spec), spec.Name, old, spec.Hamlet is null ? null : oldHamlets[spec.Hamlet]);
            _oldCells.Add(cell);
            _cellSpec[cell.Id] = spec;
        }

        var vinhLong = AddUnit(null, OrgUnitKind.Province, "vinh-long", "Tỉnh Vĩnh Long", now);
        var tieuCan = AddUnit(vinhLong, OrgUnitKind.Commune, DemoPlanBuilder.NewCommuneCode, "Xã Tiểu Cần", now);
        var newHamlets = new Dictionary<string, OrgUnit>(StringComparer.Ordinal);
        foreach (var spec in OldCells.Concat(TownCells).Where(c => c.Hamlet is not null))
        {
            var isKhom = spec.Hamlet!.StartsWith("Khóm", StringComparison.Ordinal);
            var name = isKhom ? spec.Hamlet : "Ấp " + spec.Hamlet;
            newHamlets[spec.Hamlet] = AddUnit(tieuCan, OrgUnitKind.Hamlet, "tieu-can-" + (isKhom ? string.Empty : "ap-") + VietnameseText.Slug(spec.Hamlet), name, now);
        }

        foreach (var a in CommuneBodies.Concat(HieuTrungSchools).Concat(TownBodies))
        {
            _newAgencies[a.Key] = AddUnit(tieuCan, OrgUnitKind.Agency, "tieu-can-" + a.Key, string.Format(CultureInfo.InvariantCulture, a.Name, "Tiểu Cần"), now, shortName: a.ShortName);
        }

        var newProvinceParty = AddUnit(null, OrgUnitKind.ProvincialPartyCommittee, DemoPlanBuilder.NewProvinceCommitteeCode, "Đảng bộ tỉnh Vĩnh Long", now, vinhLong);
        var newCommittee = AddUnit(newProvinceParty, OrgUnitKind.CommunePartyCommittee, DemoPlanBuilder.NewCommitteeCode, "Đảng bộ xã Tiểu Cần", now, tieuCan, "Đảng bộ xã");
        for (var i = 0; i < OldCells.Length; i++)
        {
            var spec = OldCells[i];
            var cell = AddUnit(newCommittee, OrgUnitKind.PartyCell, "tieu-can-cb-" + CellSlug(spec), spec.Name, now, spec.Hamlet is null ? null : newHamlets[spec.Hamlet]);
            _newCells.Add(cell);
            _cellSpec[cell.Id] = spec;
            _successorCell[_oldCells[i].Id] = cell.Id;
        }

        foreach (var spec in TownCells)
        {
            var cell = AddUnit(newCommittee, OrgUnitKind.PartyCell, "tieu-can-cb-" + CellSlug(spec), spec.Name, now, spec.Hamlet is null ? null : newHamlets[spec.Hamlet]);
            _newCells.Add(cell);
            _cellSpec[cell.Id] = spec;
        }

        foreach (var cell in _oldCells.Concat(_newCells))
        {
            var spec = _cellSpec[cell.Id];
            _cellHamlet[cell.Id] = spec.Hamlet ?? string.Empty;
        }

        Succeed(traVinh, vinhLong, ProvinceBasis);
        Succeed(district, vinhLong, DistrictBasis);
        Succeed(hieuTrung, tieuCan, MergerBasis);
        foreach (var (hamlet, unit) in oldHamlets)
        {
            Succeed(unit, newHamlets[hamlet], MergerBasis);
        }

        foreach (var (key, unit) in _oldAgencies)
        {
            Succeed(unit, _newAgencies[key], MergerBasis);
        }

        Succeed(oldProvinceParty, newProvinceParty, PartyBasis);
        Succeed(districtParty, newProvinceParty, PartyBasis);
        Succeed(oldCommittee, newCommittee, PartyBasis);
        foreach (var (oldCell, newCell) in _successorCell)
        {
            _successions.Add(new OrgUnitSuccession { PredecessorId = oldCell, SuccessorId = newCell, EffectiveOn = DemoPlanBuilder.MergerDay, Basis = PartyBasis });
        }
    }

    private static string CellSlug(CellSpec spec) => VietnameseText.Slug(spec.Name.Replace("Chi bộ ", string.Empty, StringComparison.Ordinal));

    private OrgUnit AddUnit(OrgUnit? parent, OrgUnitKind kind, string code, string name, (DateOnly From, DateOnly? To) valid, OrgUnit? admin = null, string? shortName = null)
    {
        var parentKey = parent?.Id ?? 0;
        var order = _childCount.GetValueOrDefault(parentKey) + 1;
        _childCount[parentKey] = order;
        var unit = new OrgUnit
        {
            Id = _units.Count + 1,
            ParentId = parent?.Id,
            Kind = kind,
            Code = code,
            Name = name,
            ShortName = shortName,
            AdminUnitId = admin?.Id,
            ValidFrom = valid.From,
            ValidTo = valid.To,
            SortOrder = order,
            SearchName = VietnameseText.Fold(name),
        };
        unit.Path = (parent?.Path ?? "/") + unit.Id.ToString(CultureInfo.InvariantCulture) + "/";
        _units.Add(unit);
        return unit;
    }

    private void Succeed(OrgUnit predecessor, OrgUnit successor, string basis) =>
        _successions.Add(new OrgUnitSuccession { PredecessorId = predecessor.Id, SuccessorId = successor.Id, EffectiveOn = DemoPlanBuilder.MergerDay, Basis = basis });

    private OrgUnit OldCell(string name) => _oldCells.Single(c => c.Name == name);

    private OrgUnit NewCell(string name) => _newCells.Single(c => c.Name == name);

    // ---- Hiếu Trung: the roll of 31/12/2020 ---------------------------------------------------

    /// <summary>Creates exactly the members on the roll at the report day, cell by cell; returns Huỳnh Văn Lý.</summary>
    private Person BuildHieuTrungRoll()
    {
        var committee = _units.Single(u => u.Code == DemoPlanBuilder.OldCommitteeCode);
        var council = _oldAgencies["hdnd"];
        var ubnd = _oldAgencies["ubnd"];
        var office = OldCell("Chi bộ Cơ quan");
        var byCell = new Dictionary<int, List<Life>>();
        foreach (var cell in _oldCells)
        {
            byCell[cell.Id] = [];
        }

        // Huỳnh Văn Lý: named in the source article as Bí thư Đảng ủy xã, term XIV (2020–2025).
        var lyPerson = NewPerson("Huỳnh Văn Lý", Gender.Male, DemoNames.Kinh, new DateOnly(1971, 8, 14), "Cây Gòn");
        var ly = NewLife(lyPerson, office.Id, new DateOnly(1996, 5, 19));
        byCell[office.Id].Add(ly);
        Post(lyPerson, committee, "Phó Bí thư Đảng ủy xã", true, new DateOnly(2015, 10, 1), TermStart.AddDays(-1));
        Post(lyPerson, committee, "Bí thư Đảng ủy xã", true, TermStart, LastOldDay);
        Post(lyPerson, council, "Chủ tịch HĐND xã", true, CouncilStart, LastOldDay);

        // The secretary of term XIII retired in 2020 and moved to the cell where he lives.
        var phuTho1 = OldCell("Chi bộ ấp Phú Thọ 1");
        var former = RollMember(office, Gender.Male, 1958, 1962, false);
        former.EndCell = phuTho1.Id;
        former.Events.Add(new LifeEvent(new DateOnly(2020, 11, 16), MembershipChange.MovedCell, phuTho1.Id, "Nghỉ hưu, chuyển sinh hoạt về chi bộ nơi cư trú"));
        former.Person.Address = AddressOld("Phú Thọ 1");
        Post(former.Person, committee, "Bí thư Đảng ủy xã", true, new DateOnly(2015, 10, 1), TermStart.AddDays(-1));
        byCell[phuTho1.Id].Add(former);

        var officials = new (string Title, string Agency, bool Lead, Gender? Gender, int BornFrom, int BornTo, DateOnly From)[]
        {
            ("Phó Bí thư Thường trực Đảng ủy xã", "", true, null, 1968, 1978, TermStart),
            ("Chủ tịch UBND xã", "ubnd", true, null, 1970, 1980, CouncilStart),
            ("Phó Chủ tịch UBND xã", "ubnd", true, null, 1972, 1984, CouncilStart),
            ("Phó Chủ tịch UBND xã", "ubnd", true, Gender.Female, 1975, 1986, CouncilStart),
            ("Phó Chủ tịch HĐND xã", "hdnd", true, null, 1970, 1982, CouncilStart),
            ("Chủ tịch Ủy ban MTTQ xã", "mttq", true, null, 1966, 1976, new DateOnly(2019, 9, 20)),
            ("Chủ tịch Hội Nông dân xã", "hoi-nong-dan", true, Gender.Male, 1965, 1975, new DateOnly(2018, 6, 12)),
            ("Chủ tịch Hội LHPN xã", "hoi-phu-nu", true, Gender.Female, 1975, 1985, new DateOnly(2016, 5, 20)),
            ("Bí thư Đoàn xã", "doan-thanh-nien", true, null, 1992, 1996, new DateOnly(2017, 10, 8)),
            ("Chủ tịch Hội CCB xã", "hoi-cuu-chien-binh", true, Gender.Male, 1958, 1962, new DateOnly(2017, 7, 1)),
            ("Công chức Địa chính – Xây dựng", "ubnd", false, null, 1980, 1990, new DateOnly(2012, 3, 1)),
            ("Công chức Văn hóa – Xã hội", "ubnd", false, null, 1982, 1992, new DateOnly(2014, 8, 1)),
        };
        var officialLives = new List<Life>();
        foreach (var o in officials)
        {
            var life = RollMember(office, o.Gender, o.BornFrom, o.BornTo, false);
            Post(life.Person, o.Agency.Length == 0 ? committee : _oldAgencies[o.Agency], o.Title, o.Lead, o.From, LastOldDay);
            byCell[office.Id].Add(life);
            officialLives.Add(life);
        }

        // Officials who carry on in xã Tiểu Cần after the merger.
        Post(officialLives[1].Person, _newAgencies["ubnd"], "Phó Chủ tịch UBND xã", true, DemoPlanBuilder.MergerDay, null);
        Post(officialLives[7].Person, _newAgencies["hoi-phu-nu"], "Phó Chủ tịch Hội LHPN xã", true, DemoPlanBuilder.MergerDay, null);
        Post(officialLives[8].Person, _newAgencies["doan-thanh-nien"], "Phó Bí thư Đoàn xã", true, DemoPlanBuilder.MergerDay, null);
        Post(officialLives[10].Person, _newAgencies["ubnd"], "Công chức Địa chính – Xây dựng", false, DemoPlanBuilder.MergerDay, null);

        // Every cell has a secretary; agency cells are led by the head of the agency.
        foreach (var cell in _oldCells)
        {
            var spec = _cellSpec[cell.Id];
            var type = spec.Type;
            var secretary = RollMember(cell, null, 1962, 1982, false);
            byCell[cell.Id].Add(secretary);
            var since = new DateOnly(2017, 3, 1).AddDays(_rng.Next(0, 1200));
            Post(secretary.Person, cell, "Bí thư chi bộ", true, since, LastOldDay);
            Post(secretary.Person, _units.Single(u => u.Id == _successorCell[cell.Id]), "Bí thư chi bộ", true, DemoPlanBuilder.MergerDay, null);
            if (spec.AgencyKey is not null)
            {
                Post(secretary.Person, _oldAgencies[spec.AgencyKey], spec.HeadTitle!, true, since.AddDays(-400), LastOldDay);
                Post(secretary.Person, _newAgencies[spec.AgencyKey], spec.HeadTitle!, true, DemoPlanBuilder.MergerDay, null);
            }

            if (type == CellType.Hamlet && spec.Hamlet == "Cây Gòn")
            {
                // The demo member account: an ordinary member of Cây Gòn with a quiet history.
                var ordinary = RollMember(cell, Gender.Female, 1984, 1990, false);
                byCell[cell.Id].Add(ordinary);
            }
        }

        // Fill each cell to its size: the exempt members first (elderly), then active members.
        foreach (var cell in _oldCells)
        {
            var spec = _cellSpec[cell.Id];
            var list = byCell[cell.Id];
            for (var i = 0; i < spec.Exempt; i++)
            {
                list.Add(ExemptMember(cell));
            }

            while (list.Count < spec.Members)
            {
                var recent = _rng.NextDouble() < (spec.Type == CellType.Hamlet ? 0.08 : 0.14);
                list.Add(RollMember(cell, null, 0, 0, recent, reserve: false));
            }
        }

        return lyPerson;
    }

    /// <summary>An active member on the report-day roll of a cell; birth years 0 mean "by cell type".</summary>
    private Life RollMember(OrgUnit cell, Gender? gender, int bornFrom, int bornTo, bool recent, bool reserve = true)
    {
        var type = _cellSpec[cell.Id].Type;
        if (bornFrom == 0)
        {
            (bornFrom, bornTo) = (recent, type) switch
            {
                (true, _) => (1986, 1999),
                (false, CellType.Hamlet) => (1945, 1990),
                _ => (1963, 1994),
            };
        }

        var femaleShare = gender switch
        {
            Gender.Female => 1.0,
            Gender.Male => 0.0,
            _ => type switch
            {
                CellType.School => 0.7,
                CellType.Health => 0.6,
                CellType.Police or CellType.Military => 0.1,
                _ => 0.3,
            },
        };
        var (name, g, ethnicity) = _names.Next(femaleShare);
        var birth = RandomDate(new DateOnly(bornFrom, 1, 1), new DateOnly(bornTo, 12, 31));
        var admitted = recent
            ? RandomDate(Max(HistoryStart, birth.AddYears(18)), new DateOnly(2020, 12, 10))
            : RandomDate(Max(Founded, birth.AddYears(19)), Min(birth.AddYears(42), new DateOnly(2015, 11, 30)));
        var person = NewPerson(name, g, ethnicity, birth, HomeHamlet(cell));
        var life = NewLife(person, cell.Id, admitted);
        if (reserve)
        {
            _reserved.Add(person);
        }

        return life;
    }

    /// <summary>An elderly member exempted from activities before the report day.</summary>
    private Life ExemptMember(OrgUnit cell)
    {
        var (name, g, ethnicity) = _names.Next(0.3);
        var birth = RandomDate(new DateOnly(1934, 1, 1), new DateOnly(1952, 12, 31));
        var admitted = RandomDate(Max(Founded, birth.AddYears(20)), Max(Founded.AddYears(2), Min(birth.AddYears(40), new DateOnly(1995, 12, 31))));
        var person = NewPerson(name, g, ethnicity, birth, HomeHamlet(cell));
        var life = NewLife(person, cell.Id, admitted);
        var exemptOn = RandomDate(Max(new DateOnly(2006, 1, 1), birth.AddYears(66)), new DateOnly(2020, 11, 30));
        life.Events.Add(new LifeEvent(exemptOn, MembershipChange.Exempted, null, Pick(ExemptReasons)));
        life.Exempt = true;
        return life;
    }

    // ---- History that leaves the report-day roll unchanged ------------------------------------

    /// <summary>Members who died or left between 2016 and 2020, and moves that end in the member's report-day cell.</summary>
    private void AddHistoryBefore2021()
    {
        var hamletCells = _oldCells.Where(c => _cellSpec[c.Id].Type == CellType.Hamlet).ToList();
        for (var i = 0; i < 14; i++)
        {
            var cell = Pick(hamletCells);
            var (name, g, ethnicity) = _names.Next(0.3);
            var birth = RandomDate(new DateOnly(1928, 1, 1), new DateOnly(1948, 12, 31));
            var admitted = RandomDate(Max(Founded, birth.AddYears(20)), new DateOnly(1990, 12, 31));
            var life = NewLife(NewPerson(name, g, ethnicity, birth, HomeHamlet(cell)), cell.Id, admitted);
            var died = RandomDate(HistoryStart.AddDays(10), new DateOnly(2020, 11, 30));
            if (_rng.NextDouble() < 0.6)
            {
                var exemptOn = RandomDate(Max(new DateOnly(2005, 1, 1), birth.AddYears(65)), died.AddDays(-60));
                life.Events.Add(new LifeEvent(exemptOn, MembershipChange.Exempted, null, Pick(ExemptReasons)));
            }

            life.Events.Add(new LifeEvent(died, MembershipChange.Deceased, null, "Từ trần"));
        }

        for (var i = 0; i < 6; i++)
        {
            var cell = Pick(_oldCells);
            var (name, g, ethnicity) = _names.Next(0.4);
            var birth = RandomDate(new DateOnly(1978, 1, 1), new DateOnly(1994, 12, 31));
            var admitted = RandomDate(birth.AddYears(19), Min(birth.AddYears(30), new DateOnly(2017, 6, 30)));
            var life = NewLife(NewPerson(name, g, ethnicity, birth, HomeHamlet(cell)), cell.Id, admitted);
            var left = RandomDate(Max(admitted.AddYears(1).AddDays(30), HistoryStart), new DateOnly(2020, 11, 30));
            life.Events.Add(new LifeEvent(left, MembershipChange.TransferredOut, null, "Chuyển sinh hoạt đảng chính thức đến " + Pick(TransferDestinations)));
            life.Person.Address = AddressOld(HomeHamlet(cell));
        }

        // Moves before 2021: the member started in another cell of the same kind and ends where the roll expects.
        var movable = _lives.Where(l => !_reserved.Contains(l.Person) && !l.Exempt && l.Admitted < HistoryStart && IsOld(l.FirstCell) && _cellSpec[l.FirstCell].Type is CellType.Hamlet or CellType.School).ToList();
        for (var i = 0; i < 4; i++)
        {
            var life = TakeRandom(movable);
            var type = _cellSpec[life.FirstCell].Type;
            var others = _oldCells.Where(c => c.Id != life.FirstCell && _cellSpec[c.Id].Type == type).ToList();
            var origin = Pick(others);
            var moved = RandomDate(new DateOnly(2017, 2, 1), new DateOnly(2020, 10, 31));
            var replacement = new Life(life.Person, origin.Id, life.Admitted) { Exempt = life.Exempt, EndCell = life.FirstCell };
            replacement.Events.AddRange(life.Events);
            replacement.Events.Add(new LifeEvent(moved, MembershipChange.MovedCell, life.FirstCell, type == CellType.Hamlet ? "Chuyển nơi cư trú trong xã" : "Điều động công tác"));
            _lives[_lives.IndexOf(life)] = replacement;
            _reserved.Add(life.Person);
        }
    }

    /// <summary>2021–2026: deaths, new exemptions, transfers out, moves and a suspension among the report-day members.</summary>
    private void AddEventsAfter2020()
    {
        var open = _lives.Where(l => !_reserved.Contains(l.Person) && IsOld(l.EndCell) && l.Events.All(e => e.Change is MembershipChange.Exempted)).ToList();
        var exempt = open.Where(l => l.Exempt).ToList();
        for (var i = 0; i < 13; i++)
        {
            var life = TakeRandom(exempt);
            open.Remove(life);
            life.Events.Add(new LifeEvent(EventDay(new DateOnly(2021, 1, 15), new DateOnly(2026, 2, 28)), MembershipChange.Deceased, null, "Từ trần"));
        }

        var elderly = open.Where(l => !l.Exempt && l.Person.BirthDate!.Value.Year <= 1959 && _cellSpec[l.EndCell].Type == CellType.Hamlet).ToList();
        for (var i = 0; i < 9 && elderly.Count > 0; i++)
        {
            var life = TakeRandom(elderly);
            open.Remove(life);
            life.Events.Add(new LifeEvent(EventDay(new DateOnly(2021, 3, 1), new DateOnly(2026, 1, 31)), MembershipChange.Exempted, null, Pick(ExemptReasons)));
        }

        var young = open.Where(l => !l.Exempt && l.Person.BirthDate!.Value.Year >= 1975 && l.Admitted < new DateOnly(2020, 1, 1)).ToList();
        for (var i = 0; i < 6; i++)
        {
            var life = TakeRandom(young);
            open.Remove(life);
            var day = EventDay(new DateOnly(2021, 2, 1), new DateOnly(2026, 2, 28));
            var destinations = day < DemoPlanBuilder.MergerDay ? TransferDestinations : NewTransferDestinations;
            life.Events.Add(new LifeEvent(day, MembershipChange.TransferredOut, null, "Chuyển sinh hoạt đảng chính thức đến " + Pick(destinations)));
        }

        var movers = open.Where(l => !l.Exempt && l.Admitted < new DateOnly(2019, 1, 1) && _cellSpec[l.EndCell].Type is CellType.School or CellType.Hamlet).ToList();
        for (var i = 0; i < 3; i++)
        {
            var life = TakeRandom(movers);
            open.Remove(life);
            var type = _cellSpec[life.EndCell].Type;
            var to = Pick(_oldCells.Where(c => c.Id != life.EndCell && _cellSpec[c.Id].Type == type).ToList());
            life.Events.Add(new LifeEvent(RandomDate(new DateOnly(2021, 3, 1), new DateOnly(2024, 12, 31)), MembershipChange.MovedCell, to.Id, type == CellType.School ? "Điều động công tác" : "Chuyển nơi cư trú trong xã"));
            life.EndCell = to.Id;
            life.Person.Address = AddressNew(HomeHamlet(to));
        }

        var suspended = TakeRandom(open.Where(l => !l.Exempt && l.Admitted < new DateOnly(2019, 1, 1)).ToList());
        suspended.Events.Add(new LifeEvent(new DateOnly(2022, 3, 15), MembershipChange.Suspended, null, "Đình chỉ sinh hoạt trong thời gian xem xét kỷ luật"));
        suspended.Events.Add(new LifeEvent(new DateOnly(2022, 9, 20), MembershipChange.Reinstated, null, "Hết thời hạn đình chỉ, không phải kỷ luật"));
    }

    /// <summary>A few admissions a year, made official a year later: 2021–2025 in Hiếu Trung, after the merger in xã Tiểu Cần.</summary>
    private void AddAdmissions()
    {
        var weighted = _oldCells.SelectMany(c => Enumerable.Repeat(c, _cellSpec[c.Id].Type == CellType.Hamlet ? 3 : 1)).ToList();
        for (var year = 2021; year <= 2025; year++)
        {
            var count = year == 2025 ? 3 : 4 + _rng.Next(0, 3);
            for (var i = 0; i < count; i++)
            {
                var cell = Pick(weighted);
                var last = year == 2025 ? new DateOnly(2025, 6, 20) : new DateOnly(year, 12, 15);
                NewAdmission(cell, RandomDate(new DateOnly(year, 1, 10), last));
            }
        }
    }

    private Life NewAdmission(OrgUnit cell, DateOnly admitted)
    {
        var type = _cellSpec[cell.Id].Type;
        var (name, g, ethnicity) = _names.Next(type == CellType.School ? 0.7 : 0.4);
        var birth = RandomDate(admitted.AddYears(-35), admitted.AddYears(-19));
        return NewLife(NewPerson(name, g, ethnicity, birth, HomeHamlet(cell)), cell.Id, admitted);
    }

    // ---- xã Tiểu Cần after the merger -------------------------------------------------------

    private (Person Secretary, Person Member) BuildTieuCan(Person ly)
    {
        var committee = _units.Single(u => u.Code == DemoPlanBuilder.NewCommitteeCode);
        var office = NewCell("Chi bộ Cơ quan");
        Post(ly, committee, "Phó Bí thư Đảng ủy xã", true, DemoPlanBuilder.MergerDay, null);

        // Leaders who came from the former town of Tiểu Cần: their records start at the merger.
        var leaders = new (string Title, string Agency, bool Lead, int BornFrom, int BornTo)[]
        {
            ("Bí thư Đảng ủy xã", "", true, 1968, 1975),
            ("Chủ tịch UBND xã", "ubnd", true, 1972, 1980),
            ("Chủ tịch Ủy ban MTTQ xã", "mttq", true, 1967, 1975),
            ("Chủ tịch Hội Nông dân xã", "hoi-nong-dan", true, 1968, 1978),
            ("Chủ tịch Hội LHPN xã", "hoi-phu-nu", true, 1976, 1986),
            ("Bí thư Đoàn xã", "doan-thanh-nien", true, 1993, 1997),
            ("Chủ tịch Hội CCB xã", "hoi-cuu-chien-binh", true, 1958, 1964),
        };
        Life? secretaryOfCommittee = null;
        foreach (var l in leaders)
        {
            var life = Imported(office, l.Title.Contains("LHPN", StringComparison.Ordinal) ? 1.0 : 0.2, l.BornFrom, l.BornTo, exempt: false, "thị trấn Tiểu Cần");
            Post(life.Person, l.Agency.Length == 0 ? committee : _newAgencies[l.Agency], l.Title, l.Lead, DemoPlanBuilder.MergerDay, null);
            life.Person.Address = AddressNew(Pick(Khoms));
            _reserved.Add(life.Person);
            secretaryOfCommittee ??= life;
        }

        Post(secretaryOfCommittee!.Person, _newAgencies["hdnd"], "Chủ tịch HĐND xã", true, DemoPlanBuilder.MergerDay, null);

        // Cells of the former town and of Phú Cần, with their members as they stood at the merger.
        foreach (var cell in _newCells.Where(c => !_successorCell.ContainsValue(c.Id)))
        {
            var spec = _cellSpec[cell.Id];
            var origin = spec.Hamlet is "Phú Hòa" or "Cây Dương" ? "xã Phú Cần" : "thị trấn Tiểu Cần";
            var femaleShare = spec.Type switch
            {
                CellType.School => 0.7,
                CellType.Military => 0.05,
                _ => 0.3,
            };
            var secretary = Imported(cell, femaleShare, 1965, 1982, exempt: false, origin);
            _reserved.Add(secretary.Person);
            Post(secretary.Person, cell, "Bí thư chi bộ", true, DemoPlanBuilder.MergerDay, null);
            if (spec.AgencyKey is not null)
            {
                Post(secretary.Person, _newAgencies[spec.AgencyKey], spec.HeadTitle!, true, DemoPlanBuilder.MergerDay, null);
            }

            var imported = new List<Life>();
            for (var i = 0; i < spec.Exempt; i++)
            {
                imported.Add(Imported(cell, 0.3, 1936, 1954, exempt: true, origin));
            }

            for (var i = 1 + spec.Exempt; i < spec.Members; i++)
            {
                var (from, to) = spec.Type == CellType.Hamlet ? (1950, 1998) : (1968, 1998);
                imported.Add(Imported(cell, femaleShare, from, to, exempt: false, origin));
            }

            // After the merger: a death among the elderly and, now and then, someone moving away.
            if (spec.Exempt > 0 && _rng.NextDouble() < 0.4)
            {
                imported[_rng.Next(spec.Exempt)].Events.Add(new LifeEvent(RandomDate(new DateOnly(2025, 8, 1), new DateOnly(2026, 3, 15)), MembershipChange.Deceased, null, "Từ trần"));
            }

            if (_rng.NextDouble() < 0.25)
            {
                var leaver = imported[spec.Exempt + _rng.Next(imported.Count - spec.Exempt)];
                if (leaver.Events.Count == 0)
                {
                    leaver.Events.Add(new LifeEvent(RandomDate(new DateOnly(2025, 9, 1), new DateOnly(2026, 3, 15)), MembershipChange.TransferredOut, null, "Chuyển sinh hoạt đảng chính thức đến " + Pick(NewTransferDestinations)));
                }
            }
        }

        // New members admitted in xã Tiểu Cần after the merger.
        for (var i = 0; i < 6; i++)
        {
            NewAdmission(Pick(_newCells), RandomDate(new DateOnly(2025, 8, 1), new DateOnly(2026, 3, 20)));
        }

        // Non-member officials: civil servants of both communes keep their records at their agency.
        var hieuTrungStaff = new[] { "Công chức Văn phòng – Thống kê", "Công chức Tư pháp – Hộ tịch", "Công chức Tài chính – Kế toán", "Phó Chủ tịch Ủy ban MTTQ xã", "Phó Chủ tịch Hội Nông dân xã" };
        foreach (var title in hieuTrungStaff)
        {
            var agency = title.Contains("MTTQ", StringComparison.Ordinal) ? _oldAgencies["mttq"] : title.Contains("Nông dân", StringComparison.Ordinal) ? _oldAgencies["hoi-nong-dan"] : _oldAgencies["ubnd"];
            var official = Official(agency, 1978, 1995);
            Post(official, agency, title, title.StartsWith("Phó", StringComparison.Ordinal), RandomDate(new DateOnly(2010, 1, 1), new DateOnly(2019, 12, 31)), LastOldDay);
            if (agency.Code.EndsWith("ubnd", StringComparison.Ordinal))
            {
                // Commune civil servants were kept on by the merged commune.
                official.OrgUnitId = _newAgencies["ubnd"].Id;
                official.Address = ToNewAddress(official.Address!);
                Post(official, _newAgencies["ubnd"], title, false, DemoPlanBuilder.MergerDay, null);
            }
        }

        foreach (var title in new[] { "Công chức Văn phòng – Thống kê", "Công chức Tư pháp – Hộ tịch", "Công chức Văn hóa – Xã hội", "Công chức Tài chính – Kế toán" })
        {
            var official = Official(_newAgencies["ubnd"], 1985, 1998);
            official.Address = AddressNew(Pick(Khoms));
            Post(official, _newAgencies["ubnd"], title, false, DemoPlanBuilder.MergerDay, null);
        }

        var cayGon = NewCell("Chi bộ ấp Cây Gòn");
        var cayGonSecretary = _people.Single(p => p.Posts.Any(x => x.OrgUnitId == cayGon.Id && x.Title == "Bí thư chi bộ"));
        var oldCayGon = OldCell("Chi bộ ấp Cây Gòn");
        var cayGonMember = _lives.First(l => l.FirstCell == oldCayGon.Id && _reserved.Contains(l.Person) && l.Person.Posts.Count == 0 && l.Events.Count == 0).Person;
        return (cayGonSecretary, cayGonMember);
    }

    /// <summary>A member whose record enters at the merger from a unit the system never held.</summary>
    private Life Imported(OrgUnit cell, double femaleShare, int bornFrom, int bornTo, bool exempt, string origin)
    {
        var (name, g, ethnicity) = _names.Next(femaleShare);
        var birth = RandomDate(new DateOnly(bornFrom, 1, 1), new DateOnly(bornTo, 12, 31));
        var admitted = RandomDate(Max(Founded, birth.AddYears(19)), Min(birth.AddYears(42), new DateOnly(2025, 5, 31)));
        var person = NewPerson(name, g, ethnicity, birth, HomeHamlet(cell));
        person.Address = AddressNew(HomeHamlet(cell));
        var life = NewLife(person, cell.Id, admitted);
        life.Entry = MembershipChange.Merger;
        life.EntryDay = DemoPlanBuilder.MergerDay;
        life.Exempt = exempt;
        life.EntryStatus = exempt ? MemberStatus.ExemptFromActivities : MemberStatus.Active;
        life.EntryReason = exempt ? Pick(ExemptReasons) : $"Hợp nhất {origin} vào xã Tiểu Cần";
        return life;
    }

    private Person Official(OrgUnit agency, int bornFrom, int bornTo)
    {
        var (name, g, ethnicity) = _names.Next(0.5);
        var person = NewPerson(name, g, ethnicity, RandomDate(new DateOnly(bornFrom, 1, 1), new DateOnly(bornTo, 12, 31)), Pick(_oldHamletNames));
        person.OrgUnitId = agency.Id;
        return person;
    }

    // ---- Writing the histories through the ledger -------------------------------------------

    /// <summary>Admits the member and applies every change in date order, the merger included, through MembershipLedger.</summary>
    private void Realise(Life life)
    {
        var person = life.Person;
        var officialOn = life.Admitted.AddYears(1);
        var officialAtEntry = life.Entry != MembershipChange.Admitted && officialOn < life.EntryDay;
        var card = officialOn <= HistoryEnd ? NewCard() : null;
        person.OrgUnitId = life.FirstCell;
        var m = MembershipLedger.Admit(
            person,
            life.FirstCell,
            card,
            life.Admitted,
            officialAtEntry ? MemberClass.Official : MemberClass.Probationary,
            officialAtEntry ? officialOn : null,
            life.EntryStatus,
            life.EntryDay,
            life.EntryReason,
            life.Entry,
            At(life.EntryDay),
            RecordedBy);
        person.Membership = m;

        var events = new List<LifeEvent>(life.Events);
        if (!officialAtEntry && officialOn <= HistoryEnd)
        {
            events.Add(new LifeEvent(officialOn == DemoPlanBuilder.MergerDay ? officialOn.AddDays(1) : officialOn, MembershipChange.MadeOfficial, null, null));
        }

        var merged = !IsOld(life.FirstCell);
        foreach (var e in events.OrderBy(e => e.Day).ThenBy(e => e.Change))
        {
            if (!merged && e.Day >= DemoPlanBuilder.MergerDay)
            {
                MergeIfOnRoll(m);
                merged = true;
            }

            var day = e.Day;
            var open = m.Periods.Single(p => p.To is null);
            if (day <= open.From)
            {
                day = open.From.AddDays(1);
            }

            Check(MembershipLedger.Apply(m, e.Change, day, e.ToCell, e.Reason, At(day), RecordedBy), person, e);
        }

        if (!merged)
        {
            MergeIfOnRoll(m);
        }

        var last = m.Periods.Max(p => p.From);
        person.CreatedAt = At(Max(life.EntryDay, HistoryStart));
        person.UpdatedAt = At(Max(last, HistoryStart));
        if (person.Address is null)
        {
            person.Address = AddressNew(HomeHamlet(m.OrgUnitId));
        }
        else if (PartyMembership.IsOnRoll(m.Status) || m.StatusSince >= DemoPlanBuilder.MergerDay)
        {
            person.Address = ToNewAddress(person.Address);
        }
    }

    private void MergeIfOnRoll(PartyMembership m)
    {
        if (PartyMembership.IsOnRoll(m.Status) && IsOld(m.OrgUnitId))
        {
            Check(
                MembershipLedger.Apply(m, MembershipChange.Merger, DemoPlanBuilder.MergerDay, _successorCell[m.OrgUnitId], "Hợp nhất xã Hiếu Trung vào xã Tiểu Cần", At(DemoPlanBuilder.MergerDay), RecordedBy),
                m.Person!,
                null);
        }
    }

    private static void Check(string? error, Person person, LifeEvent? e)
    {
        if (error is not null)
        {
            throw new InvalidOperationException($"Demo data: {person.FullName}, {e?.Change} {e?.Day}: {error}");
        }
    }

    // ---- Small helpers ------------------------------------------------------------------------

    private Life NewLife(Person person, int cellId, DateOnly admitted)
    {
        var life = new Life(person, cellId, admitted);
        _lives.Add(life);
        return life;
    }

    private Person NewPerson(string fullName, Gender gender, string ethnicity, DateOnly birth, string hamlet)
    {
        var person = new Person
        {
            FullName = fullName,
            SearchName = VietnameseText.Fold(fullName),
            Gender = gender,
            Ethnicity = ethnicity,
            BirthDate = birth,
            Address = hamlet.Length == 0 ? null : AddressOld(hamlet),
            CreatedAt = At(HistoryStart),
            UpdatedAt = At(HistoryStart),
        };
        _people.Add(person);
        return person;
    }

    private static void Post(Person person, OrgUnit unit, string title, bool leadership, DateOnly from, DateOnly? to) =>
        person.Posts.Add(new PublicPost { Person = person, OrgUnitId = unit.Id, Title = title, IsLeadership = leadership, From = from, To = to });

    private string HomeHamlet(OrgUnit cell) => HomeHamlet(cell.Id);

    private string HomeHamlet(int cellId)
    {
        var hamlet = _cellHamlet.GetValueOrDefault(cellId);
        if (!string.IsNullOrEmpty(hamlet))
        {
            return hamlet;
        }

        // Staff of agencies and schools live in one of the commune's hamlets.
        return IsOld(cellId) || _successorCell.ContainsValue(cellId) ? _oldHamletNames[cellId % _oldHamletNames.Count] : "Khóm " + (1 + (cellId % 4)).ToString(CultureInfo.InvariantCulture);
    }

    private bool IsOld(int cellId) => _successorCell.ContainsKey(cellId);

    private static string AddressOld(string hamlet) =>
        (hamlet.StartsWith("Khóm", StringComparison.Ordinal) ? hamlet : "Ấp " + hamlet) + ", xã Hiếu Trung, huyện Tiểu Cần, tỉnh Trà Vinh";

    /// <summary>The same home after the merger: the commune and province changed, the hamlet did not.</summary>
    private static string ToNewAddress(string address) =>
        address.Replace(", xã Hiếu Trung, huyện Tiểu Cần, tỉnh Trà Vinh", ", xã Tiểu Cần, tỉnh Vĩnh Long", StringComparison.Ordinal);

    private static string AddressNew(string hamlet) =>
        (hamlet.StartsWith("Khóm", StringComparison.Ordinal) ? hamlet : "Ấp " + hamlet) + ", xã Tiểu Cần, tỉnh Vĩnh Long";

    private string NewCard()
    {
        while (true)
        {
            var card = _rng.Next(10_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
            if (_cards.Add(card))
            {
                return card;
            }
        }
    }

    /// <summary>A day in the range that keeps clear of the merger week, so no change collides with the merger itself.</summary>
    private DateOnly EventDay(DateOnly from, DateOnly to)
    {
        var day = RandomDate(from, to);
        return day >= new DateOnly(2025, 6, 20) && day <= new DateOnly(2025, 7, 10) ? new DateOnly(2025, 7, 15) : day;
    }

    private DateOnly RandomDate(DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(_rng.Next(to.DayNumber - from.DayNumber + 1));

    private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    private T TakeRandom<T>(List<T> items)
    {
        var i = _rng.Next(items.Count);
        var item = items[i];
        items.RemoveAt(i);
        return item;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>Changes are recorded at 09:00 in Vietnam on their day.</summary>
    private static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
}
