using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CongVu.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Portal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NewsPosts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Lead = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    Byline = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SearchText = table.Column<string>(type: "character varying(900)", maxLength: 900, nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    PublishAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsPosts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortalVisitDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Commune = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Visits = table.Column<long>(type: "bigint", nullable: false),
                    Views = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalVisitDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortalVisitHours",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Commune = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HourUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Visits = table.Column<long>(type: "bigint", nullable: false),
                    Views = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalVisitHours", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortalVisitOffsets",
                columns: table => new
                {
                    Commune = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AllTime = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalVisitOffsets", x => x.Commune);
                });

            migrationBuilder.CreateTable(
                name: "PortalVisitPages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Commune = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Path = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Views = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalVisitPages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortalVisitSalts",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Salt = table.Column<byte[]>(type: "bytea", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalVisitSalts", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "PortalVisitSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Commune = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Visitor = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LastSeen = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalVisitSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NewsPhotos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PostId = table.Column<int>(type: "integer", nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false),
                    Caption = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NewsPhotos_NewsPosts_PostId",
                        column: x => x.PostId,
                        principalTable: "NewsPosts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NewsPhotos_PostId",
                table: "NewsPhotos",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_NewsPosts_OrgUnitId_Slug",
                table: "NewsPosts",
                columns: new[] { "OrgUnitId", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NewsPosts_OrgUnitId_State_PublishAt",
                table: "NewsPosts",
                columns: new[] { "OrgUnitId", "State", "PublishAt" });

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
                name: "NewsPhotos");

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

            migrationBuilder.DropTable(
                name: "NewsPosts");
        }
    }
}
