namespace CongVu.Features.Organisation.Import;

/// <summary>Turns a checked row into a Person with membership history and post, through MembershipLedger only.</summary>
public static class ImportedMembership
{
    public static Person Build(ParsedPerson p, DateOnly today, DateTime at, string? by)
    {
        var person = new Person
        {
            OrgUnitId = p.CellId ?? p.AgencyId!.Value,
            FullName = p.FullName,
            SearchName = Infrastructure.Text.VietnameseText.Fold(p.FullName),
            BirthDate = p.BirthDate,
            Gender = p.Gender,
            Ethnicity = p.Ethnicity,
            Phone = p.Phone,
            Address = p.Address,
            CreatedAt = at,
            UpdatedAt = at,
        };

        if (p.CellId is int cellId && p.AdmittedOn is DateOnly admitted)
        {
            person.Membership = History(person, p, cellId, admitted, at, by);
        }

        if (p.Post is not null && p.AgencyId is int agencyId)
        {
            // The file does not say since when the post is held; the import day is the first day we know of.
            person.Posts.Add(new PublicPost { Person = person, OrgUnitId = agencyId, Title = p.Post, From = today });
        }

        return person;
    }

    /// <summary>
    /// Admission as probationary, then the later steps the file records (made official, exempted, suspended)
    /// in date order, so the roll on a past day counts the member as they were then.
    /// </summary>
    private static PartyMembership History(Person person, ParsedPerson p, int cellId, DateOnly admitted, DateTime at, string? by)
    {
        var m = MembershipLedger.Admit(person, cellId, p.CardNumber, admitted, MemberClass.Probationary, null,
            MemberStatus.Active, admitted, null, MembershipChange.Imported, at, by);
        var steps = new List<(DateOnly Day, MembershipChange Change)>();
        if (p.OfficialOn is DateOnly official)
        {
            steps.Add((official, MembershipChange.MadeOfficial));
        }

        if (p.Status != MemberStatus.Active && p.StatusSince is DateOnly since)
        {
            steps.Add((since, p.Status == MemberStatus.Suspended ? MembershipChange.Suspended : MembershipChange.Exempted));
        }

        foreach (var (day, change) in steps.OrderBy(s => s.Day))
        {
            var reason = change == MembershipChange.MadeOfficial ? null : p.Reason;
            if (MembershipLedger.Apply(m, change, day, null, reason, at, by) is not null)
            {
                // Steps on the same day cannot be told apart: keep one period with the final state.
                return MembershipLedger.Admit(person, cellId, p.CardNumber, admitted,
                    p.OfficialOn is null ? MemberClass.Probationary : MemberClass.Official, p.OfficialOn,
                    p.Status, p.StatusSince ?? admitted, p.Reason, MembershipChange.Imported, at, by);
            }
        }

        return m;
    }
}
