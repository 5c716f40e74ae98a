using System.Linq.Expressions;
using CongVu.Features.Organisation;
using CongVu.Features.Organisation.Import;
using CongVu.Infrastructure.Audit;
using CongVu.Infrastructure.Security;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CongVu.Infrastructure.Data;

/// <summary>The one data context. Provider-specific subclasses exist only to hold their own migration sets.</summary>
public abstract class AppDbContext : IdentityDbContext<AppUser>
{
    private AccessScope _scope;

    protected AppDbContext(DbContextOptions options, AccessScope? scope)
        : base(options)
    {
        // A context without a scope sees no unit-owned row until the request's scope is attached.
        _scope = scope ?? new AccessScope();
    }

    public AccessScope Scope => _scope;

    /// <summary>Gives a pooled context the scope of the request that rents it (see DatabaseSetup).</summary>
    internal void AttachScope(AccessScope scope) => _scope = scope;

    // Read by the query filters on every query, so a context always filters by its request's scope.
    private bool ScopeAll => _scope.All;

    private int[] ScopeUnitIds => _scope.UnitIdArray;

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();

    public DbSet<OrgUnitSuccession> OrgUnitSuccessions => Set<OrgUnitSuccession>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<PartyMembership> Memberships => Set<PartyMembership>();

    public DbSet<MembershipPeriod> MembershipPeriods => Set<MembershipPeriod>();

    public DbSet<PublicPost> PublicPosts => Set<PublicPost>();

    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AppStateEntry> AppState => Set<AppStateEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<AppUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.HasIndex(u => u.OrgUnitId);
        });

        builder.Entity<OrgUnit>(e =>
        {
            e.Property(u => u.Code).HasMaxLength(80);
            e.HasIndex(u => u.Code).IsUnique();
            e.Property(u => u.Name).HasMaxLength(300);
            e.Property(u => u.ShortName).HasMaxLength(100);
            e.Property(u => u.Path).HasMaxLength(400);
            e.Property(u => u.SearchName).HasMaxLength(300);
            e.HasIndex(u => u.Path);
            e.HasIndex(u => new { u.ParentId, u.SortOrder });
            e.HasIndex(u => u.Kind);
            e.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(u => u.AdminUnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<OrgUnitSuccession>(e =>
        {
            e.HasOne(s => s.Predecessor).WithMany().HasForeignKey(s => s.PredecessorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(s => s.Successor).WithMany().HasForeignKey(s => s.SuccessorId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(s => new { s.PredecessorId, s.SuccessorId }).IsUnique();
            e.Property(s => s.Basis).HasMaxLength(300);
        });

        builder.Entity<Person>(e =>
        {
            e.Property(p => p.FullName).HasMaxLength(200);
            e.Property(p => p.SearchName).HasMaxLength(200);
            e.Property(p => p.Ethnicity).HasMaxLength(50);
            e.Property(p => p.Phone).HasMaxLength(30);
            e.Property(p => p.Address).HasMaxLength(300);
            e.HasIndex(p => new { p.OrgUnitId, p.SearchName });
            e.HasIndex(p => p.SearchName);
            e.HasOne(p => p.OrgUnit).WithMany().HasForeignKey(p => p.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.Membership).WithOne(m => m.Person).HasForeignKey<PartyMembership>(m => m.PersonId);
        });

        builder.Entity<PartyMembership>(e =>
        {
            e.Property(m => m.CardNumber).HasMaxLength(30);
            e.HasIndex(m => m.CardNumber).IsUnique();
            e.HasIndex(m => new { m.OrgUnitId, m.Status });
            e.Property(m => m.StatusReason).HasMaxLength(500);
            e.HasOne(m => m.Cell).WithMany().HasForeignKey(m => m.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<MembershipPeriod>(e =>
        {
            e.HasOne(p => p.Membership).WithMany(m => m.Periods).HasForeignKey(p => p.MembershipId);
            e.HasOne(p => p.Cell).WithMany().HasForeignKey(p => p.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => new { p.OrgUnitId, p.From, p.To });
            e.HasIndex(p => new { p.MembershipId, p.From });
            e.Property(p => p.Reason).HasMaxLength(500);
            e.Property(p => p.RecordedBy).HasMaxLength(200);
        });

        builder.Entity<PublicPost>(e =>
        {
            e.Property(p => p.Title).HasMaxLength(200);
            e.HasOne(p => p.Person).WithMany(x => x.Posts).HasForeignKey(p => p.PersonId);
            e.HasOne(p => p.Agency).WithMany().HasForeignKey(p => p.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => new { p.OrgUnitId, p.From });
        });

        builder.Entity<ImportBatch>(e =>
        {
            e.Property(b => b.FileName).HasMaxLength(260);
            e.Property(b => b.FileError).HasMaxLength(1000);
            e.Property(b => b.CreatedBy).HasMaxLength(200);
            e.HasIndex(b => new { b.OrgUnitId, b.CreatedAt });
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.Action).HasMaxLength(80);
            e.Property(a => a.EntityType).HasMaxLength(80);
            e.Property(a => a.EntityId).HasMaxLength(80);
            e.Property(a => a.ActorId).HasMaxLength(450);
            e.Property(a => a.ActorName).HasMaxLength(200);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Ignore(a => a.CompleteAtSave);
            // A fork in the chain (two entries after the same one) is refused by the database.
            e.HasIndex(a => a.PreviousHash).IsUnique();
            e.HasIndex(a => new { a.EntityType, a.EntityId });
            e.HasIndex(a => new { a.OrgUnitId, a.At });
        });

        builder.Entity<AppStateEntry>(e =>
        {
            e.ToTable("AppState");
            e.HasKey(a => a.Key);
            e.Property(a => a.Key).HasMaxLength(80);
            e.Property(a => a.Value).HasMaxLength(400);
        });

        ApplyScope<Person>(builder);
        ApplyScope<PartyMembership>(builder);
        ApplyScope<MembershipPeriod>(builder);
        ApplyScope<PublicPost>(builder);
        ApplyScope<ImportBatch>(builder);

        // Each module configures its own entities.
        Features.Conduct.ConductModule.ConfigureModel(builder, this);
        Features.Pledges.PledgesModule.ConfigureModel(builder, this);
        Features.Reviews.ReviewsModule.ConfigureModel(builder, this);
        Features.Feedback.FeedbackModule.ConfigureModel(builder, this);
        Features.Portal.PortalModule.ConfigureModel(builder, this);
        Features.Households.HouseholdsModule.ConfigureModel(builder, this);
        Features.Initiatives.InitiativesModule.ConfigureModel(builder, this);
        Features.Indicators.IndicatorsModule.ConfigureModel(builder, this);
        Features.NewCountryside.NewCountrysideModule.ConfigureModel(builder, this);
        Features.Reports.ReportsModule.ConfigureModel(builder, this);
        Features.Overview.OverviewModule.ConfigureModel(builder, this);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are UTC everywhere; the converter restores the kind that SQLite does not keep.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var newEntries = ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .ToList();
        if (newEntries.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The chain's gate before any database lock, always in that order, so two saves never wait on each other crosswise.
        await AuditChain.Gate.WaitAsync(cancellationToken);
        try
        {
            if (newEntries.Exists(e => e.CompleteAtSave is not null))
            {
                return await SaveWithNewSubjectsAsync(newEntries, cancellationToken);
            }

            await ChainAsync(newEntries, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            AuditChain.Gate.Release();
        }
    }

    /// <summary>Entries about records this save adds: the records first, then the entries with their keys, in one transaction.</summary>
    private async Task<int> SaveWithNewSubjectsAsync(List<AuditEntry> entries, CancellationToken ct)
    {
        foreach (var entry in entries)
        {
            Entry(entry).State = EntityState.Detached;
        }

        var owned = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, ct);
            foreach (var entry in entries)
            {
                if (entry.CompleteAtSave is { } complete)
                {
                    complete(entry);
                    entry.CompleteAtSave = null;
                }
            }

            AuditEntries.AddRange(entries);
            await ChainAsync(entries, ct);
            count += await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, ct);
            if (owned is not null)
            {
                await owned.CommitAsync(ct);
            }

            return count;
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    /// <summary>Links new entries to the last one in the log; the caller holds the chain's gate.</summary>
    private async Task ChainAsync(List<AuditEntry> entries, CancellationToken ct)
    {
        var last = await AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.Id)
            .Select(a => a.Hash)
            .FirstOrDefaultAsync(ct) ?? string.Empty;
        foreach (var entry in entries)
        {
            // PostgreSQL keeps microseconds: hash what the database will give back, not the finer .NET ticks.
            entry.At = new DateTime(entry.At.Ticks - (entry.At.Ticks % 10), DateTimeKind.Utc);
            entry.PreviousHash = last;
            entry.Hash = AuditChain.HashOf(entry);
            last = entry.Hash;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>Limits reads of a unit-owned entity to the current request's scope; modules call it for their own entities.</summary>
    internal void ApplyScope<T>(ModelBuilder builder)
        where T : class, IOrgOwned
    {
        Expression<Func<T, bool>> filter = e => ScopeAll || ScopeUnitIds.Contains(e.OrgUnitId);
        builder.Entity<T>().HasQueryFilter(filter);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqliteAppDbContext : AppDbContext
{
    /// <summary>The one constructor the context pool needs: the scope is attached when a request rents the context.</summary>
    public SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options)
        : base(options, null)
    {
    }

    /// <summary>A context outside the pool (commands, tools, tests) with the given scope.</summary>
    public static SqliteAppDbContext Create(DbContextOptions<SqliteAppDbContext> options, AccessScope scope)
    {
        var context = new SqliteAppDbContext(options);
        context.AttachScope(scope);
        return context;
    }
}

public sealed class PostgresAppDbContext : AppDbContext
{
    /// <summary>The one constructor the context pool needs: the scope is attached when a request rents the context.</summary>
    public PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options)
        : base(options, null)
    {
    }

    /// <summary>A context outside the pool (commands, tools, tests) with the given scope.</summary>
    public static PostgresAppDbContext Create(DbContextOptions<PostgresAppDbContext> options, AccessScope scope)
    {
        var context = new PostgresAppDbContext(options);
        context.AttachScope(scope);
        return context;
    }
}
