using CongVu.Features.Organisation.Import;
using CongVu.Infrastructure.Audit;

namespace CongVu.Features.Organisation;

public static class OrganisationModule
{
    public static IServiceCollection AddOrganisation(this IServiceCollection services)
    {
        services.AddSingleton<OrgTree>();
        services.AddScoped<AuditLog>();
        services.AddSingleton<AuditReadWriter>();
        services.AddScoped<MembershipService>();
        services.AddScoped<RegistryQueries>();
        services.AddScoped<IPublicFigures, RegistryFigures>();
        services.AddImport();
        return services;
    }

    public static IEndpointRouteBuilder MapOrganisation(this IEndpointRouteBuilder app)
    {
        PublicSummaryEndpoints.Map(app);
        return app;
    }
}
