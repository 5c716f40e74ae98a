using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CongVu.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NewCountrysideAndReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NtmCriteriaSets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    FromYear = table.Column<int>(type: "integer", nullable: false),
                    ToYear = table.Column<int>(type: "integer", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NtmCriteriaSets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartyTerms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Ordinal = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FromYear = table.Column<int>(type: "integer", nullable: false),
                    ToYear = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartyTerms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartyTerms_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NtmCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CriteriaSetId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Group = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NtmCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NtmCriteria_NtmCriteriaSets_CriteriaSetId",
                        column: x => x.CriteriaSetId,
                        principalTable: "NtmCriteriaSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NtmInspections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    CriteriaSetId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Team = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NtmInspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NtmInspections_NtmCriteriaSets_CriteriaSetId",
                        column: x => x.CriteriaSetId,
                        principalTable: "NtmCriteriaSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NtmInspections_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PartyReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    DocType = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    SummaryTermId = table.Column<int>(type: "integer", nullable: true),
                    Subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    MarginTopMm = table.Column<int>(type: "integer", nullable: false),
                    MarginBottomMm = table.Column<int>(type: "integer", nullable: false),
                    MarginLeftMm = table.Column<int>(type: "integer", nullable: false),
                    MarginRightMm = table.Column<int>(type: "integer", nullable: false),
                    Recipients = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SignerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TermId = table.Column<int>(type: "integer", nullable: true),
                    Number = table.Column<int>(type: "integer", nullable: true),
                    NumberText = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IssuedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Docx = table.Column<byte[]>(type: "bytea", nullable: true),
                    DocxSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Xlsx = table.Column<byte[]>(type: "bytea", nullable: true),
                    XlsxSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartyReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartyReports_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartyReports_PartyTerms_TermId",
                        column: x => x.TermId,
                        principalTable: "PartyTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NtmCriterionStatuses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    CriterionId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DocumentRef = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NtmCriterionStatuses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NtmCriterionStatuses_NtmCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "NtmCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NtmCriterionStatuses_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NtmInspectionNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InspectionId = table.Column<int>(type: "integer", nullable: false),
                    CriterionId = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NtmInspectionNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NtmInspectionNotes_NtmCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "NtmCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NtmInspectionNotes_NtmInspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "NtmInspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartyReportSections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PartyReportId = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Heading = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartyReportSections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartyReportSections_PartyReports_PartyReportId",
                        column: x => x.PartyReportId,
                        principalTable: "PartyReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NtmCriteria_CriteriaSetId_Number",
                table: "NtmCriteria",
                columns: new[] { "CriteriaSetId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NtmCriteriaSets_Code",
                table: "NtmCriteriaSets",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NtmCriterionStatuses_CriterionId",
                table: "NtmCriterionStatuses",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_NtmCriterionStatuses_OrgUnitId_CriterionId_Year",
                table: "NtmCriterionStatuses",
                columns: new[] { "OrgUnitId", "CriterionId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NtmInspectionNotes_CriterionId",
                table: "NtmInspectionNotes",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_NtmInspectionNotes_InspectionId",
                table: "NtmInspectionNotes",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_NtmInspections_CriteriaSetId",
                table: "NtmInspections",
                column: "CriteriaSetId");

            migrationBuilder.CreateIndex(
                name: "IX_NtmInspections_OrgUnitId_Date",
                table: "NtmInspections",
                columns: new[] { "OrgUnitId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_PartyReports_OrgUnitId_TermId_DocType_Number",
                table: "PartyReports",
                columns: new[] { "OrgUnitId", "TermId", "DocType", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartyReports_TermId",
                table: "PartyReports",
                column: "TermId");

            migrationBuilder.CreateIndex(
                name: "IX_PartyReportSections_PartyReportId",
                table: "PartyReportSections",
                column: "PartyReportId");

            migrationBuilder.CreateIndex(
                name: "IX_PartyTerms_OrgUnitId_StartsOn",
                table: "PartyTerms",
                columns: new[] { "OrgUnitId", "StartsOn" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NtmCriterionStatuses");

            migrationBuilder.DropTable(
                name: "NtmInspectionNotes");

            migrationBuilder.DropTable(
                name: "PartyReportSections");

            migrationBuilder.DropTable(
                name: "NtmCriteria");

            migrationBuilder.DropTable(
                name: "NtmInspections");

            migrationBuilder.DropTable(
                name: "PartyReports");

            migrationBuilder.DropTable(
                name: "NtmCriteriaSets");

            migrationBuilder.DropTable(
                name: "PartyTerms");
        }
    }
}
