using System.Data.Common;
using CongVu.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CongVu.Features.Organisation.Import;

/// <summary>
/// Writes imported people (with membership, periods and posts as ImportedMembership builds them) through
/// prepared commands on the context's own connection and transaction: the change tracker costs more than the
/// database on a file of many thousand rows. Tables, columns and value conversions come from the EF model,
/// so the rows are stored exactly as EF would store them, on SQLite and PostgreSQL alike.
/// </summary>
public sealed class ImportWriter : IAsyncDisposable
{
    private readonly Insert _person;
    private readonly Insert _membership;
    private readonly Insert _period;
    private readonly Insert _post;

    private ImportWriter(Insert person, Insert membership, Insert period, Insert post)
    {
        (_person, _membership, _period, _post) = (person, membership, period, post);
    }

    /// <summary>People written so far.</summary>
    public int Written { get; private set; }

    /// <summary>The record types an import writes past the change tracker.</summary>
    public static readonly Type[] WrittenTypes = [typeof(Person), typeof(PartyMembership), typeof(MembershipPeriod), typeof(PublicPost)];

    /// <summary>Opens the writer inside the context's current transaction (which the caller must have begun).</summary>
    public static ImportWriter Create(AppDbContext db)
    {
        var tx = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The import writes inside a transaction.");
        var connection = db.Database.GetDbConnection();
        var sql = db.GetService<ISqlGenerationHelper>();
        return new ImportWriter(
            Insert.For<Person>(db, connection, tx, sql),
            Insert.For<PartyMembership>(db, connection, tx, sql),
            Insert.For<MembershipPeriod>(db, connection, tx, sql),
            Insert.For<PublicPost>(db, connection, tx, sql));
    }

    /// <summary>Writes one person and everything hanging from it; keys come back from the database as EF would set them.</summary>
    public async Task WriteAsync(Person person, CancellationToken ct)
    {
        person.Id = await _person.RunAsync(person, ct);
        if (person.Membership is { } m)
        {
            m.PersonId = person.Id;
            m.Id = await _membership.RunAsync(m, ct);
            foreach (var period in m.Periods)
            {
                period.MembershipId = m.Id;
                period.Id = await _period.RunAsync(period, ct);
            }
        }

        foreach (var post in person.Posts)
        {
            post.PersonId = person.Id;
            post.Id = await _post.RunAsync(post, ct);
        }

        Written++;
    }

    public async ValueTask DisposeAsync()
    {
        await _person.DisposeAsync();
        await _membership.DisposeAsync();
        await _period.DisposeAsync();
        await _post.DisposeAsync();
    }

    /// <summary>One prepared INSERT … RETURNING key for an entity type, its parameters typed by the model's mappings.</summary>
    private sealed class Insert : IAsyncDisposable
    {
        private readonly DbCommand _command;
        private readonly (IProperty Property, Func<object, object?> Get, RelationalTypeMapping Mapping, DbParameter Parameter)[] _columns;

        private Insert(DbCommand command, (IProperty, Func<object, object?>, RelationalTypeMapping, DbParameter)[] columns)
        {
            _command = command;
            _columns = columns;
        }

        public static Insert For<T>(AppDbContext db, DbConnection connection, DbTransaction tx, ISqlGenerationHelper sql)
        {
            var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var key = type.FindPrimaryKey()!.Properties.Single();
            var command = connection.CreateCommand();
            command.Transaction = tx;
            var columns = new List<(IProperty, Func<object, object?>, RelationalTypeMapping, DbParameter)>();
            var names = new List<string>();
            foreach (var p in type.GetProperties())
            {
                if (p == key || p.ValueGenerated != ValueGenerated.Never)
                {
                    continue;
                }

                if (p.IsShadowProperty())
                {
                    throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} is a shadow property: the import writer cannot fill it.");
                }

                var mapping = p.GetRelationalTypeMapping();
                var getter = p.GetGetter();
                var parameter = mapping.CreateParameter(command, "@p" + columns.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), null, p.IsNullable);
                command.Parameters.Add(parameter);
                columns.Add((p, getter.GetClrValueUsingContainingEntity, mapping, parameter));
                names.Add(sql.DelimitIdentifier(p.GetColumnName(table)!));
            }

            command.CommandText =
                $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", names)}) "
                + $"VALUES ({string.Join(", ", columns.Select(c => c.Item4.ParameterName))}) "
                + $"RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}";
            if (connection is Microsoft.Data.Sqlite.SqliteConnection)
            {
                // Compiled once for all the file's rows; PostgreSQL would need every parameter typed before the first row.
                command.Prepare();
            }

            return new Insert(command, [.. columns]);
        }

        public async Task<int> RunAsync(object entity, CancellationToken ct)
        {
            foreach (var (_, get, mapping, parameter) in _columns)
            {
                var value = get(entity);
                if (value is not null && mapping.Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }

                if (value is Enum e)
                {
                    value = Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), System.Globalization.CultureInfo.InvariantCulture);
                }

                parameter.Value = value ?? DBNull.Value;
            }

            var id = await _command.ExecuteScalarAsync(ct);
            return Convert.ToInt32(id, System.Globalization.CultureInfo.InvariantCulture);
        }

        public ValueTask DisposeAsync() => _command.DisposeAsync();
    }
}
