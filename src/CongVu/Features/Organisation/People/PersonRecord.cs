using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CongVu.Features.Organisation.People;

/// <summary>What the record page and "my record" show of one person, with unit names resolved as they were.</summary>
public sealed class PersonRecord
{
    public required Person Person { get; init; }

    public PartyMembership? Membership => Person.Membership;

    public List<MembershipPeriod> Periods { get; init; } = [];

    public List<PublicPost> Posts { get; init; } = [];

    public required OrgTreeSnapshot Tree { get; init; }

    public string UnitName(int id) => Tree.Find(id)?.Name ?? "—";

    public string UnitTrail(int id) => Tree.Trail(id, 3);

    /// <summary>Loads a person through the given query (scoped by the caller), or null.</summary>
    public static async Task<PersonRecord?> LoadAsync(IQueryable<Person> people, AppDbContext db, OrgTree tree, int id, bool ignoreScope, CancellationToken ct)
    {
        var person = await people.AsNoTracking().Include(p => p.Membership).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return null;
        }

        var periods = person.Membership is null
            ? []
            : await (ignoreScope ? db.MembershipPeriods.IgnoreQueryFilters() : db.MembershipPeriods)
                .AsNoTracking().Where(p => p.MembershipId == person.Membership.Id).OrderByDescending(p => p.From).ToListAsync(ct);
        var posts = await (ignoreScope ? db.PublicPosts.IgnoreQueryFilters() : db.PublicPosts)
            .AsNoTracking().Where(p => p.PersonId == id).OrderByDescending(p => p.From).ToListAsync(ct);
        return new PersonRecord { Person = person, Periods = periods, Posts = posts, Tree = await tree.GetAsync(ct) };
    }
}
