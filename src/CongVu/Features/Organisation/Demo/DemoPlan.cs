namespace CongVu.Features.Organisation.Demo;

/// <summary>The demo commune in memory; unit ids are local keys (1, 2, 3 …) until the seeder saves it, so it is testable without a database.</summary>
public sealed class DemoPlan(
    List<OrgUnit> units,
    List<OrgUnitSuccession> successions,
    List<Person> people,
    Person partySecretary,
    Person cayGonSecretary,
    Person cayGonMember)
{
    public List<OrgUnit> Units { get; } = units;

    public List<OrgUnitSuccession> Successions { get; } = successions;

    public List<Person> People { get; } = people;

    /// <summary>Huỳnh Văn Lý, Bí thư Đảng ủy xã Hiếu Trung (2020–2025).</summary>
    public Person PartySecretary { get; } = partySecretary;

    /// <summary>Bí thư of the current Chi bộ ấp Cây Gòn (xã Tiểu Cần).</summary>
    public Person CayGonSecretary { get; } = cayGonSecretary;

    /// <summary>An ordinary member of the current Chi bộ ấp Cây Gòn.</summary>
    public Person CayGonMember { get; } = cayGonMember;

    public OrgUnit Unit(string code) => Units.Single(u => u.Code == code);

    /// <summary>The roll of a party organisation on a day, counted from the plan's periods the way RegistryQueries counts the database.</summary>
    public RollCount RollOn(string partyOrgCode, DateOnly day)
    {
        var root = Unit(partyOrgCode).Id;
        var byParent = Units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value);
        var cells = new HashSet<int>();
        var stack = new Stack<int>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            foreach (var child in byParent[stack.Pop()].Where(c => c.IsValidOn(day)))
            {
                if (child.Kind == OrgUnitKind.PartyCell)
                {
                    cells.Add(child.Id);
                }
                else if (OrgUnit.IsParty(child.Kind))
                {
                    stack.Push(child.Id);
                }
            }
        }

        var periods = People
            .Where(p => p.Membership is not null)
            .SelectMany(p => p.Membership!.Periods)
            .Where(p => cells.Contains(p.OrgUnitId) && p.From <= day && (p.To is null || p.To >= day) && PartyMembership.IsOnRoll(p.Status))
            .ToList();
        return new RollCount(
            cells.Count,
            periods.Count,
            periods.Count(p => p.Status == MemberStatus.ExemptFromActivities),
            periods.Count(p => p.Class == MemberClass.Probationary));
    }
}
