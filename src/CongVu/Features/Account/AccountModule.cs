namespace CongVu.Features.Account;

public static class AccountModule
{
    public static IServiceCollection AddAccount(this IServiceCollection services) => services;
}
