using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CongVu.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReceptionAndSchedules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OfficialSchedules",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    DaysOff = table.Column<List<DateOnly>>(type: "date[]", nullable: false),
                    WorkedDays = table.Column<List<DateOnly>>(type: "date[]", nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfficialSchedules", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "ReceptionSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    CommuneId = table.Column<int>(type: "integer", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    EndsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Host = table.Column<int>(type: "integer", nullable: false),
                    HostPersonId = table.Column<int>(type: "integer", nullable: true),
                    HostName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HostPost = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Regular = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CitizensReceived = table.Column<int>(type: "integer", nullable: false),
                    OutcomeNotes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceptionSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReceptionSessions_OrgUnits_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReceptionSessions_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReceptionVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReceptionSessionId = table.Column<int>(type: "integer", nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    FeedbackItemId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceptionVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReceptionVisits_FeedbackItems_FeedbackItemId",
                        column: x => x.FeedbackItemId,
                        principalTable: "FeedbackItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReceptionVisits_ReceptionSessions_ReceptionSessionId",
                        column: x => x.ReceptionSessionId,
                        principalTable: "ReceptionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionSessions_CommuneId_On",
                table: "ReceptionSessions",
                columns: new[] { "CommuneId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionSessions_OrgUnitId",
                table: "ReceptionSessions",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionVisits_FeedbackItemId",
                table: "ReceptionVisits",
                column: "FeedbackItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionVisits_ReceptionSessionId",
                table: "ReceptionVisits",
                column: "ReceptionSessionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OfficialSchedules");

            migrationBuilder.DropTable(
                name: "ReceptionVisits");

            migrationBuilder.DropTable(
                name: "ReceptionSessions");
        }
    }
}
