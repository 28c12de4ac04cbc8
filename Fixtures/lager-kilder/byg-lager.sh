#!/usr/bin/env bash
# Rebuilds the fixture store Fixtures/lager from the base cases in Fixtures/lager-kilder/sager and the
# answer files beside this script, by running the real unge commands with a pinned clock.
# Usage: Fixtures/lager-kilder/byg-lager.sh   (from the package root; builds unge first)
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build --product unge >/dev/null
unge="$(swift build --show-bin-path)/unge"
src=Fixtures/lager-kilder
dst=Fixtures/lager
rm -rf "$dst"
mkdir -p "$dst/sager"
chmod 700 "$dst" "$dst/sager"  # unge refuses a store folder others can read
cp "$src"/sager/*.json "$dst/sager/"
export UNGE_BRUGER="Lene Dahl"
UNGE_NU=2026-08-27T09:00:00Z "$unge" underret --sag 2026-0002 --fra-fil "$src/underretning-2026-0002.json" --lager "$dst" >/dev/null
UNGE_NU=2026-08-31T12:00:00Z "$unge" vaerktoej 2026-0002 --type netvaerksmoede --dato 2026-08-31 \
  --resume "Malik, forældre, træner og UU-vejleder. Aftalt: far følger Malik til træning; UU-vejleder ser ham hver 14. dag." --lager "$dst" >/dev/null
# Dialogue tools with their content (tools engineer's section): Malik from the example files, Jonas by flags.
ex=Fixtures/vaerktoej
UNGE_NU=2026-08-31T13:00:00Z "$unge" vaerktoej 2026-0002 --type livshjul --dato 2026-05-20 --score venner=3/8 --score familie=4/8 \
  --score skole=3/7 --score fodbold=7/9 --eget-omraade fodbold --lager "$dst" >/dev/null
UNGE_NU=2026-08-31T13:00:00Z "$unge" vaerktoej 2026-0002 --type forandringscirkel --dato 2026-06-10 --fase foerovervejelse --lager "$dst" >/dev/null
UNGE_NU=2026-08-31T13:00:00Z "$unge" vaerktoej 2026-0002 --type forandringscirkel --dato 2026-07-15 --fase forberedelse --lager "$dst" >/dev/null
UNGE_NU=2026-08-31T13:00:00Z "$unge" vaerktoej 2026-0002 --type forandringscirkel --dato 2026-08-20 --fase foerovervejelse --tilbagefald --lager "$dst" >/dev/null
for t in livshjul livslinje fordele-ulemper forandringscirkel bekymringsbue; do
  UNGE_NU=2026-08-31T13:00:00Z "$unge" vaerktoej 2026-0002 --fra-fil "$ex/$t.json" --lager "$dst" >/dev/null
done
UNGE_NU=2026-06-02T09:00:00Z "$unge" vaerktoej 2026-0004 --type livshjul --dato 2026-03-03 --score arbejde=3/8 --score familie=5/7 \
  --score venner=6/6 --score bolig=4/8 --score økonomi=2/6 --ord "økonomi=Pengene går til kokain" --lager "$dst" >/dev/null
UNGE_NU=2026-06-02T09:00:00Z "$unge" vaerktoej 2026-0004 --type forandringscirkel --dato 2026-03-03 --fase overvejelse --lager "$dst" >/dev/null
UNGE_NU=2026-06-02T09:00:00Z "$unge" vaerktoej 2026-0004 --type forandringscirkel --dato 2026-04-07 --fase handling --lager "$dst" >/dev/null
UNGE_NU=2026-06-02T09:00:00Z "$unge" vaerktoej 2026-0004 --type forandringscirkel --dato 2026-05-12 --fase vedligeholdelse --lager "$dst" >/dev/null
UNGE_NU=2026-06-02T09:00:00Z "$unge" vaerktoej 2026-0004 --type livshjul --dato 2026-06-02 --score arbejde=6/8 --score familie=6/7 \
  --score venner=4/6 --score bolig=4/8 --score økonomi=4/6 --ord "arbejde=Værkstedet er det bedste ved ugen" --lager "$dst" >/dev/null
UNGE_NU=2026-06-02T09:00:00Z "$unge" vaerktoej 2026-0004 --type livslinje --dato 2026-06-02 \
  --hoejdepunkt "2021-08-10: Fik fritidsjob i cykelbutik" --lavpunkt "2023-01-15: Droppede ud af 10. klasse" \
  --lavpunkt "2025-10-01: Begyndte at tage kokain i weekenden" --hoejdepunkt "2026-04-07: Startede på værkstedslinjen" --lager "$dst" >/dev/null
# The decisions fixtures (issue 9): each step runs the real command at its own pinned time.
in="$src/input"
u() { local when="$1"; shift; UNGE_NU="$when" "$unge" "$@" --lager "$dst" >/dev/null; }

# 2026-0008 Oliver, 22: placed at 16 (serviceloven), efterværn from 18, ungestøtte under barnets lov; the ungeplan continues.
u 2020-06-01T10:00:00Z indsats 2026-0008 --type sel52-anbringelse --dato 2020-06-01 --start 2020-06-15 \
  --formaal "Tryg hverdag og skolegang uden hash" --varighed "til 18 år" --leverandoer "Opholdsstedet Skovly"
u 2020-06-15T10:00:00Z indsats 2026-0008 A1 --ivaerksat 2020-06-15
u 2021-08-15T10:00:00Z indsats 2026-0008 --type sel76-eftervaern --dato 2021-08-15 --start 2022-03-10 \
  --formaal "Fortsat kontaktperson og hjælp til egen bolig" --varighed "til 23 år" --samtykke ung:2021-08-15
u 2022-03-10T10:00:00Z indsats 2026-0008 --afslut A1 --dato 2022-03-10 --grund "Fyldt 18; fortsætter i efterværn"
u 2022-03-10T10:05:00Z indsats 2026-0008 A2 --ivaerksat 2022-03-10
u 2024-12-10T10:00:00Z indsats 2026-0008 --type ungestoette-kontaktperson --dato 2024-12-10 --start 2025-01-01 --slut 2027-03-09 \
  --formaal "Fast kontaktperson frem til 23 år" --varighed "til 23 år" --samtykke ung:2024-12-10 --leverandoer "Ungeteamet"
u 2024-12-31T10:00:00Z indsats 2026-0008 --afslut A2 --dato 2024-12-31 --grund "Afløst af ungestøtte efter barnets lov"
u 2025-01-02T10:00:00Z indsats 2026-0008 A3 --ivaerksat 2025-01-01
u 2025-01-20T10:00:00Z plan 2026-0008 --fra-fil "$in/plan-2026-0008.json" --dato 2025-01-20
# The first print of version 2, kept beside its reprint below (issue 20: a saved version is a record).
UNGE_NU=2026-08-28T10:00:00Z "$unge" plan 2026-0008 --fra-fil "$in/plan-2026-0008.json" --dato 2026-08-28 \
  --aendring "Revideret med Oliver: lejlighed fundet" --format md --lager "$dst" > Fixtures/lager-dokumenter/ungeplan-2026-0008-v2-foerste-udskrift.md
u 2026-08-28T10:05:00Z notat 2026-0008 "Opfølgning med Oliver og Ahmed. Oliver har fået lejlighed fra 1. oktober."

# 2026-0009 Noah, 17: a contact person (§ 32), the municipality's stillingtagen "no plan", turns 18 within 6 months.
u 2026-02-01T10:00:00Z indsats 2026-0009 --type kontaktperson --dato 2026-02-01 --start 2026-02-10 \
  --formaal "Støtte til at komme i gang på produktionsskolen" --varighed "12 måneder" --samtykke foraeldremyndighed:2026-01-30 --leverandoer "Kasper, Ungeteamet"
u 2026-02-10T10:00:00Z indsats 2026-0009 A1 --ivaerksat 2026-02-10
u 2026-03-01T10:00:00Z indsats 2026-0009 --type ingen-plan --dato 2026-03-01 --vedroerer A1 \
  --grund "Kontaktpersonen er en afgrænset indsats, og Noah og mor har sammen med kontaktpersonen konkrete aftaler; en plan giver ikke mere."
u 2026-05-06T10:00:00Z frister --opfyldt 2026-0009 afgoerelse-A1-opfoelgning

# 2026-0010 Ida, 16: notification, examination, ungeplan before a § 47 placement (misuse), revised at the follow-up.
u 2026-01-28T11:30:00Z underret --sag 2026-0010 --fra-fil "$in/underretning-2026-0010.json"
u 2026-01-28T15:00:00Z frister --opfyldt 2026-0010 underretning-1-vurdering
u 2026-02-03T09:00:00Z frister --opfyldt 2026-0010 underretning-1-kvittering
u 2026-04-30T10:00:00Z undersoeg 2026-0010 --fra-fil "$in/undersoegelse-2026-0010.json"
u 2026-05-12T10:00:00Z plan 2026-0010 --fra-fil "$in/plan-2026-0010.json" --dato 2026-05-12
u 2026-05-20T14:00:00Z indsats 2026-0010 --type anbringelse-uden-samtykke --grundlag 3 --dato 2026-05-20 --start 2026-05-22 \
  --formaal "Ida skal være tryg og uden rusmidler" --varighed "1 år" --leverandoer "Opholdsstedet Lyngly"
u 2026-05-22T14:00:00Z indsats 2026-0010 A1 --ivaerksat 2026-05-22
u 2026-03-10T10:00:00Z vaerktoej 2026-0010 --type netvaerksmoede --dato 2026-03-10 --resume "Ida, mor, Maja og klasselæreren. Aftalt: Ida sover hos Majas familie i weekenderne."
u 2026-08-20T10:00:00Z plan 2026-0010 --fra-fil "$in/plan-2026-0010.json" --dato 2026-08-20 --aendring "Første opfølgning: Ida er faldet til på Lyngly"
u 2026-08-20T10:30:00Z notat 2026-0010 "Opfølgning på Lyngly med Ida. Hun har været uden rusmidler i fem uger."

# 2026-0011 Lucas, 15: the whole casework; § 33 treatment requested 10 days before 1 September 2026.
u 2026-05-01T10:00:00Z underret --sag 2026-0011 --fra-fil "$in/underretning-2026-0011.json"
u 2026-05-01T14:00:00Z frister --opfyldt 2026-0011 underretning-1-vurdering
# The receipt went out a working day late: "opfyldt for sent (1 dag)".
u 2026-05-12T09:00:00Z frister --opfyldt 2026-0011 underretning-1-kvittering
u 2026-06-10T10:00:00Z vaerktoej 2026-0011 --type livslinje --dato 2026-06-10 --resume "Vendepunkt: flytning i 6. klasse; hash fra jul."
u 2026-08-14T10:00:00Z undersoeg 2026-0011 --fra-fil "$in/undersoegelse-2026-0011.json"
u 2026-08-14T11:00:00Z frister --opfyldt 2026-0011 underretning-1-orientering
u 2026-08-20T10:00:00Z vaerktoej 2026-0011 --type netvaerksmoede --dato 2026-08-20 --resume "Lucas, forældre, træner og AKT-lærer. Aftalt: træneren følger op efter træning."
# Letters (issue 21): addresses, then a hearing before the contact person is decided (fvl § 19).
u 2026-08-17T09:00:00Z netvaerk 2026-0011 --ret "Mette Friis" --adresse "Skovbrynet 12, 9000 Nordby"
u 2026-08-17T09:00:00Z netvaerk 2026-0011 --ret "Henrik Dam" --adresse "Havnegade 3, 9000 Nordby"
EDITOR="$src/adresse-2026-0011.sh" u 2026-08-17T09:05:00Z rediger 2026-0011
u 2026-08-18T10:00:00Z brev 2026-0011 --type partshoering --dato 2026-08-18 --overvejer "Lucas får en fast kontaktperson i 6 måneder" \
  --oplysninger "Skolen oplyser, at Lucas har haft 40 % fravær siden april, og at han ofte er påvirket af hash i frikvartererne." --svarfrist 2026-08-25
u 2026-08-22T10:00:00Z brev 2026-0011 --svar B2 --dato 2026-08-22 --tekst "Mor er enig i, at Lucas får en kontaktperson."
u 2026-08-26T09:00:00Z brev 2026-0011 --svar B1 --dato 2026-08-26
u 2026-08-26T09:00:00Z brev 2026-0011 --svar B3 --dato 2026-08-26
u 2026-08-26T10:00:00Z indsats 2026-0011 --type behandling-ambulant --henvendelse 2026-08-22 --dato 2026-08-26 \
  --formaal "Lucas skal stoppe med hash" --varighed "6 måneder" --leverandoer "U18-teamet" \
  --samtykke foraeldremyndighed:2026-08-26 --samtykke ung:2026-08-26
u 2026-08-26T10:10:00Z indsats 2026-0011 --type kontaktperson --dato 2026-08-26 --start 2026-08-31 \
  --formaal "Fast voksen, der støtter skolegang og fodbold" --varighed "6 måneder" --leverandoer "Ungeteamet" --samtykke foraeldremyndighed:2026-08-26
# The conversation with Lucas before the decision, the decision letters and the sending of Lucas' letter.
u 2026-08-26T10:20:00Z brev 2026-0011 --type boernesamtale --indsats A2 --dato 2026-08-24 \
  --holdning "Lucas vil gerne have en fast voksen at tale med om skolen og fodbolden."
u 2026-08-26T10:30:00Z brev 2026-0011 --type afgoerelse --indsats A2 --dato 2026-08-26 \
  --begrundelse "Lucas har brug for en fast voksen, der kan hjælpe ham med at komme i skole og holde fast i fodbolden. En kontaktperson er den mindst indgribende hjælp, der kan gøre det." \
  --oplysninger "Skolens oplysninger om fraværet, mors svar på partshøringen og Lucas' eget ønske om en voksen at tale med."
u 2026-08-27T09:00:00Z brev 2026-0011 --sendt B4 --dato 2026-08-27 --kanal digital-post
u 2026-08-27T10:00:00Z plan 2026-0011 --fra-fil "$in/plan-2026-0011.json" --dato 2026-08-27
u 2026-08-31T09:00:00Z indsats 2026-0011 A2 --ivaerksat 2026-08-31
u 2026-08-31T10:00:00Z plan 2026-0011 --fra-fil "$in/plan-2026-0011.json" --dato 2026-08-31 --aendring "Kontaktpersonen er startet"
u 2026-08-31T11:00:00Z behandlingsplan 2026-0011 --fra-fil "$in/behandlingsplan-2026-0011.json" --dato 2026-08-31
u 2026-08-31T11:30:00Z notat 2026-0011 "Samtale med Lucas og mor om behandlingsplanen. Første samtale i U18-teamet 7. september."

# 2026-0012 Mathias, 22: serviceloven § 101 residential treatment with price and aftercare; an adult handleplan.
u 2026-08-24T10:00:00Z indsats 2026-0012 --type sel101-doegn --henvendelse 2026-08-18 --dato 2026-08-24 --start 2026-08-31 \
  --formaal "Stoffri og tilbage i uddannelse" --varighed "3 måneder" --leverandoer "Behandlingscenter Nordlys" --pris 62000 \
  --efterbehandling "Ambulante samtaler i Rusmiddelcentret i 6 måneder efter udskrivning"
u 2026-08-31T09:00:00Z indsats 2026-0012 A1 --ivaerksat 2026-08-31
u 2026-08-28T10:00:00Z plan 2026-0012 --fra-fil "$in/plan-2026-0012.json" --dato 2026-08-28

# 2026-0013 Alma, 13: an afdækning only (no 4-month deadline).
u 2026-06-08T10:00:00Z undersoeg 2026-0013 --fra-fil "$in/afdaekning-2026-0013.json"
u 2026-08-25T10:00:00Z indsats 2026-0013 --type anden-hjaelp --dato 2026-08-25 --start 2026-09-07 \
  --formaal "Samtaler om rusmidler for Alma og mor, sideløbende med afdækningen" --varighed "3 måneder" \
  --samtykke foraeldremyndighed:2026-08-25 --leverandoer "Familierådgivningen"
# Alma and her mother declined the talks: the measure did not start (a lawful non-start).
u 2026-08-28T10:00:00Z indsats 2026-0013 A1 --ikke-ivaerksat --aarsag fravalgt \
  --grund "Alma og mor har takket nej til samtalerne; afdækningen fortsætter"

# Peter Moos hands Alma's case over to Lene (issue 20: a caseworker, by user id, on every case; the
# handover is in the journal and the audit log).
u 2026-08-28T11:00:00Z overdrag 2026-0013 --til lene --grund "Lene har afgørelsen og afdækningen; Peter skifter team"

# A citizen's notification: a new case (2026-0014) with a receipt but no orientation task.
u 2026-08-31T19:30:00Z underret --fra-fil "$in/underretning-borger.json"

# The reprint of 2026-0008's plan version 2 by a colleague months later, after the network changed:
# the same document but for the one line "Udskrevet <dato> af <bruger>".
u 2026-08-31T09:00:00Z netvaerk 2026-0008 --tilfoej "Ahmed Saleh" --relation kontaktperson --arena professionelle
UNGE_NU=2026-12-07T09:00:00Z UNGE_BRUGER=bo "$unge" plan 2026-0008 --version 2 --format md --lager "$dst" \
  > Fixtures/lager-dokumenter/ungeplan-2026-0008-v2-genudskrift.md
# Only the case files belong in the repository: the audit log, the index and locks are made anew.
rm -rf "$dst/log" "$dst/laase" "$dst/indeks.tsv"
chmod 644 "$dst"/sager/*.json
echo "Fixtures/lager rebuilt: $(ls "$dst/sager" | wc -l) cases"
# The demo cases `unge demo` writes are the same cases, embedded in the binary.
python3 Scripts/embed-demo-cases.py
