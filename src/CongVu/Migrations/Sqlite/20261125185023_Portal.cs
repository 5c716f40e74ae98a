using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CongVu.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Portal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PortalVisitDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Commune = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Visits = table.Column<long>(type: "INTEGER", nullable: false),
                    Views = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalVisitDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortalVisitHours",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Commune = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HourUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Visits = table.Column<long>(type: "INTEGER", nullable: false),
                    Views = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalVisitHours", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortalVisitOffsets",
                columns: table => new
                {
                    Commune = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AllTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalVisitOffsets", x => x.Commune);
                });

            migrationBuilder.CreateTable(
                name: "PortalVisitPages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Commune = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Views = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalVisitPages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortalVisitSalts",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Salt = table.Column<byte[]>(type: "BLOB", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalVisitSalts", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "PortalVisitSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Commune = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Visitor = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LastSeen = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalVisitSessions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PortalVisitDays_Commune_Day",
                table: "PortalVisitDays",
                columns: new[] { "Commune", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortalVisitHours_Commune_HourUtc",
                table: "PortalVisitHours",
                columns: new[] { "Commune", "HourUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortalVisitPages_Commune_Day_Path",
                table: "PortalVisitPages",
                columns: new[] { "Commune", "Day", "Path" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PortalVisitDays");

            migrationBuilder.DropTable(
                name: "PortalVisitHours");

            migrationBuilder.DropTable(
                name: "PortalVisitOffsets");

            migrationBuilder.DropTable(
                name: "PortalVisitPages");

            migrationBuilder.DropTable(
                name: "PortalVisitSalts");

            migrationBuilder.DropTable(
                name: "PortalVisitSessions");
        }
    }
}
