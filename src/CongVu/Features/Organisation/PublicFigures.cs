namespace CongVu.Features.Organisation;

/// <summary>The commune, year and day a public summary is asked for.</summary>
public sealed record PublicFiguresContext(OrgNode Commune, OrgNode? Committee, int Year, DateOnly AsOf, OrgTreeSnapshot Tree);

/// <summary>
/// A module's contribution to GET /api/v1/public/summary: aggregate figures only, never a person.
/// Keys are camelCase JSON names ("pledgeRate"); each module adds its own and must not reuse another's.
/// </summary>
public interface IPublicFigures
{
    Task AddAsync(PublicFiguresContext context, IDictionary<string, object?> figures, CancellationToken ct);
}

/// <summary>The registry's own figures: cells, members and exempt members on the day.</summary>
public sealed class RegistryFigures(RegistryQueries registry) : IPublicFigures
{
    public async Task AddAsync(PublicFiguresContext context, IDictionary<string, object?> figures, CancellationToken ct)
    {
        var roll = context.Committee is null ? new RollCount(0, 0, 0, 0) : await registry.RollOnAsync(context.Committee.Id, context.AsOf, ct);
        figures["partyCells"] = roll.Cells;
        figures["partyMembers"] = roll.Members;
        figures["exemptMembers"] = roll.Exempt;
    }
}
