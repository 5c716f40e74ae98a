namespace CongVu.Features.Organisation.Import;

public static class ImportModule
{
    public static IServiceCollection AddImport(this IServiceCollection services) => services;
}
