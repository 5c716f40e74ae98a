using Microsoft.Data.Sqlite;

// The best this machine does on each kind of work, with nothing of CongVu in the way (bench/README.md).
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddRazorPages();
// Same encoder setting as CongVu, so Vietnamese text weighs the same in both.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

var dbPath = builder.Configuration["Baseline:SqlitePath"] ?? Path.Combine(Path.GetTempPath(), "congvu-baseline.db");
var connectionString = new SqliteConnectionStringBuilder { DataSource = dbPath, Pooling = true, DefaultTimeout = 30 }.ToString();
using (var setup = new SqliteConnection(connectionString))
{
    setup.Open();
    using var cmd = setup.CreateCommand();
    cmd.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS feedback (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, body TEXT NOT NULL, at TEXT NOT NULL);";
    cmd.ExecuteNonQuery();
}

var app = builder.Build();
app.MapGet("/plaintext", () => Results.Text("Hello, World!"));
app.MapGet("/json", () => Results.Json(new { message = "Hello, World!" }));

// Raw ADO.NET single-row insert: a connection per request, WAL, synchronous=FULL like CongVu's default.
app.MapPost("/ado", async (HttpContext ctx) =>
{
    var form = await ctx.Request.ReadFormAsync();
    var body = form["body"].ToString();
    var code = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));
    await using var conn = new SqliteConnection(connectionString);
    await conn.OpenAsync();
    await using var cmd = conn.CreateCommand();
    cmd.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; INSERT INTO feedback (code, body, at) VALUES ($c, $b, $a);";
    cmd.Parameters.AddWithValue("$c", code);
    cmd.Parameters.AddWithValue("$b", body);
    cmd.Parameters.AddWithValue("$a", TimeProvider.System.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    await cmd.ExecuteNonQueryAsync();
    return Results.Json(new { code });
});

app.UseAntiforgery();
app.MapRazorPages();
await app.RunAsync();
