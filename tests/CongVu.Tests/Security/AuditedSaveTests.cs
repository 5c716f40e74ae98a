using CongVu.Features.Organisation;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Data;
using CongVu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongVu.Tests.Security;

/// <summary>A change and its audit entry commit together (a new record's entry gets its key), and caches learn of a change only once it is committed.</summary>
public class AuditedSaveTests(EmptyAppFactory app) : IClassFixture<EmptyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecordSaved_StoresTheRecordAndItsEntry_WithTheKeyTheDatabaseGave()
    {
        var commune = await app.CreateCommuneAsync();
        int personId;
        await using (var scope = app.SystemScope(out var db))
        {
            var person = NewPerson(commune.CellA, "Thạch Thị Ghi Nhận");
            db.People.Add(person);
            scope.ServiceProvider.GetRequiredService<AuditLog>().RecordSaved("person.create", "person", () => person.Id, commune.CellA);
            await db.SaveChangesAsync(Ct);
            personId = person.Id;
        }

        await using var check = app.SystemScope(out var read);
        var entry = await read.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "person.create" && a.OrgUnitId == commune.CellA, Ct);
        Assert.Equal(personId.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Null((await AuditChain.VerifyAsync(read, Ct)).FirstBrokenId);
    }

    [Fact]
    public async Task RecordSaved_WhenTheEntryCannotBeWritten_KeepsNeitherTheRecordNorTheEntry()
    {
        var commune = await app.CreateCommuneAsync();
        await using (var scope = app.SystemScope(out var db))
        {
            db.People.Add(NewPerson(commune.CellA, "Lâm Văn Không Lưu"));
            scope.ServiceProvider.GetRequiredService<AuditLog>().RecordSaved("person.create", "person", () => throw new InvalidOperationException("no key"), commune.CellA);
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
        }

        await using var check = app.SystemScope(out var read);
        Assert.False(await read.People.AnyAsync(p => p.OrgUnitId == commune.CellA, Ct));
        Assert.False(await read.AuditEntries.AnyAsync(a => a.Action == "person.create" && a.OrgUnitId == commune.CellA, Ct));
    }

    [Fact]
    public async Task DataVersion_MovesWhenTheCallersTransactionCommits_NotAtTheSave()
    {
        var commune = await app.CreateCommuneAsync();
        var version = app.Services.GetRequiredService<DataVersion>();
        await using var scope = app.SystemScope(out var db);
        await using var tx = await db.Database.BeginTransactionAsync(Ct);
        db.People.Add(NewPerson(commune.CellB, "Kim Văn Chờ Xong"));
        var before = version.Current;

        await db.SaveChangesAsync(Ct);
        Assert.Equal(before, version.Current);

        await tx.CommitAsync(Ct);
        Assert.True(version.Current > before, "the commit moves the version");
    }

    private Person NewPerson(int cellId, string name)
    {
        var at = app.Time.GetUtcNow().UtcDateTime;
        return new Person { FullName = name, SearchName = CongVu.Infrastructure.Text.VietnameseText.Fold(name), OrgUnitId = cellId, CreatedAt = at, UpdatedAt = at };
    }
}
