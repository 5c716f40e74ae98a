using CongVu.Bench;

// CongVu's benchmark: bench/run.sh builds Release and calls this; see bench/README.md and docs/performance.md.
var options = BenchOptions.Parse(args);
Console.CancelKeyPress += (_, _) =>
{
    Server.KillAll();
    PgCluster.StopAll();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) =>
{
    Server.KillAll();
    PgCluster.StopAll();
};
try
{
    return await new Runner(options).RunAsync();
}
finally
{
    Server.KillAll();
    PgCluster.StopAll();
}
