namespace CongVu.Infrastructure.Data;

/// <summary>A row that belongs to a unit of the organisation tree; reads are limited to the user's subtree by the context's query filter.</summary>
public interface IOrgOwned
{
    int OrgUnitId { get; }
}
