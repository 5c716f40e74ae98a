namespace CongVu.Features.Portal.Visits;

/// <summary>The day's random key for visitor ids; deleted once the next day is over (48 h), so old ids cannot be recomputed.</summary>
public sealed class PortalVisitSalt
{
    public DateOnly Day { get; set; }

    public byte[] Salt { get; set; } = [];

    public DateTime CreatedAt { get; set; }
}

/// <summary>Visits and page views of a commune's portal in one UTC hour.</summary>
public sealed class PortalVisitHour
{
    public int Id { get; set; }

    public string Commune { get; set; } = "";

    public DateTime HourUtc { get; set; }

    public long Visits { get; set; }

    public long Views { get; set; }
}

/// <summary>Visits and page views of a commune's portal on one day in Vietnam.</summary>
public sealed class PortalVisitDay
{
    public int Id { get; set; }

    public string Commune { get; set; } = "";

    public DateOnly Day { get; set; }

    public long Visits { get; set; }

    public long Views { get; set; }
}

/// <summary>Page views of one path on one day, for the top-pages list.</summary>
public sealed class PortalVisitPage
{
    public int Id { get; set; }

    public string Commune { get; set; } = "";

    public DateOnly Day { get; set; }

    public string Path { get; set; } = "";

    public long Views { get; set; }
}

/// <summary>The all-time count carried over from a commune's old portal.</summary>
public sealed class PortalVisitOffset
{
    public string Commune { get; set; } = "";

    public long AllTime { get; set; }

    public string? Source { get; set; }
}

/// <summary>A visit still open at a planned shutdown (hashed id only), resumed at the next start and then deleted.</summary>
public sealed class PortalVisitSession
{
    public int Id { get; set; }

    public string Commune { get; set; } = "";

    public string Visitor { get; set; } = "";

    public DateTime LastSeen { get; set; }
}
