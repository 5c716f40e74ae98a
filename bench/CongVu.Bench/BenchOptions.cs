using System.Globalization;

namespace CongVu.Bench;

public sealed class BenchOptions
{
    public string Root { get; set; } = Directory.GetCurrentDirectory();

    /// <summary>One short scenario end to end, to keep the harness from rotting (CI).</summary>
    public bool Smoke { get; set; }

    /// <summary>Seconds of each measured load run (benchmarks.md: 10 s), after a warm-up of WarmSeconds.</summary>
    public int Seconds { get; set; } = 10;

    public int WarmSeconds { get; set; } = 2;

    /// <summary>Registry import rows = 20,000 × factor; 5 gives benchmarks.md's 100,000 rows.</summary>
    public double ImportFactor { get; set; } = 5;

    public string ImportFormat { get; set; } = "xlsx";

    /// <summary>Communes generated for the province-scale part; 0 skips it.</summary>
    public int Communes { get; set; } = 100;

    public int Seed { get; set; } = 20261125;

    public int SignInWorkers { get; set; } = 16;

    public string? PidFile { get; set; }

    public string? OutDir { get; set; }

    /// <summary>"import", "staff", "feedback" or "visits": start CongVu once and run only that group of scenarios (for tuning it).</summary>
    public string? Only { get; set; }

    /// <summary>Only the national scenario on PostgreSQL (a separate run: bench/run.sh --national).</summary>
    public bool National { get; set; }

    /// <summary>National data scale: 1 = 3,321 communes, 5.6 M members, 10 M feedback items.</summary>
    public double NationalFactor { get; set; } = 0.01;

    /// <summary>National load: drop the non-unique secondary indexes of each table before its COPY and rebuild them after.</summary>
    public bool NationalDropIndexes { get; set; }

    /// <summary>Database of the full run's commune-scale scenarios: sqlite, postgres, or both (the GETs repeated on PostgreSQL).</summary>
    public string Database { get; set; } = "both";

    /// <summary>Keep the temporary databases and server logs after a good run.</summary>
    public bool Keep { get; set; }

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--root": o.Root = Path.GetFullPath(Next()); break;
                case "--smoke": o.Smoke = true; break;
                case "--seconds": o.Seconds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--warm": o.WarmSeconds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--factor": o.ImportFactor = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--import-format": o.ImportFormat = Next(); break;
                case "--communes": o.Communes = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seed": o.Seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--signin-workers": o.SignInWorkers = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--pid-file": o.PidFile = Next(); break;
                case "--out": o.OutDir = Next(); break;
                case "--keep": o.Keep = true; break;
                case "--only": o.Only = Next(); break;
                case "--national": o.National = true; break;
                case "--national-factor": o.NationalFactor = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--national-drop-indexes": o.NationalDropIndexes = true; break;
                case "--database": o.Database = Next().ToLowerInvariant(); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        if (o.Database is not ("sqlite" or "postgres" or "both"))
        {
            throw new ArgumentException("--database must be sqlite, postgres or both");
        }

        // Every load run stays short and bounded (the machine is shared).
        o.Seconds = Math.Clamp(o.Seconds, 1, 10);
        return o;
    }
}
