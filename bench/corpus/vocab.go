package corpus

// Sentences and fragments for bodies. Placeholders in braces are filled per
// entry:
//
//	{G} the place in the genitive, lowercase: "gminy Nowa Wola Górna"
//	{M} the place's name: "Nowa Wola Górna"
//	{V} its województwo for titles: "Województwa Łódzkiego"
//	{W} its województwo in the genitive: "województwa łódzkiego"
//	{L} its województwo in the locative: "województwie łódzkim"
//	{D} the entry's title
//	{S} the meeting's date in words: "17 stycznia 2021"
//	{T} one of the entry's topics
//	{R} a year the entry is about
//	{N} a count, always a multiple of five (so the noun after it agrees)
//	{K} a small number of days
//	{P} a percentage, {p} a small percentage
var sentences = [...]string{
	"Strategia rozwoju {G} wyznacza kierunki działań samorządu na najbliższe lata i odpowiada na wyzwania wskazane w diagnozie społeczno-gospodarczej.",
	"Rewitalizacja zdegradowanych obszarów {G} ma przywrócić im funkcje społeczne, gospodarcze i przestrzenne, a mieszkańcom – poczucie wpływu na najbliższe otoczenie.",
	"W przygotowaniu dokumentu zastosowano metody partycypacyjne: warsztaty z mieszkańcami, ankietę internetową, wywiady z liderami oraz spacery badawcze.",
	"Organizacje pozarządowe działające na terenie {G} realizują zadania publiczne z zakresu pomocy społecznej, kultury, sportu i ochrony zdrowia.",
	"Od {R} r. liczba osób w wieku poprodukcyjnym wzrosła o {p}, co wymaga rozwoju usług opiekuńczych i oferty aktywizacji seniorów.",
	"Konsultacje społeczne trwały {K} dni, a w ich trakcie wpłynęło {N} uwag i wniosków, z których większość uwzględniono w ostatecznej wersji.",
	"Stopa bezrobocia rejestrowanego na terenie {G} spadła w {R} r. do {p}, jednak nadal utrzymuje się bezrobocie długotrwałe wśród osób powyżej 50. roku życia.",
	"Transport publiczny łączący miejscowości {G} z siedzibą powiatu wymaga lepszej koordynacji rozkładów jazdy i rozwoju węzłów przesiadkowych.",
	"Współpraca z organizacjami pozarządowymi opiera się na zasadach pomocniczości, suwerenności stron, partnerstwa, efektywności, uczciwej konkurencji i jawności.",
	"W budżecie obywatelskim mieszkańcy decydują co roku o przeznaczeniu {N} tys. zł na projekty zgłoszone przez sąsiadów, szkoły i organizacje.",
	"Lokalna Grupa Działania wspiera inicjatywy mieszkańców w ramach instrumentu Rozwój Lokalny Kierowany przez Społeczność (RLKS).",
	"Zadania będą finansowane ze środków własnych samorządu, funduszy europejskich, programów rządowych oraz dotacji celowych.",
	"Monitoring realizacji prowadzi zespół powołany zarządzeniem wójta, który co roku przygotowuje raport z postępu w osiąganiu celów.",
	"Mieszkańcy wskazywali w ankietach na potrzebę rozbudowy oferty spędzania czasu wolnego dla dzieci i młodzieży, zwłaszcza w mniejszych sołectwach.",
	"Kluby seniora i Centrum Integracji Społecznej prowadzą zajęcia, które przeciwdziałają wykluczeniu społecznemu i osamotnieniu osób starszych.",
	"Dokument jest spójny ze Strategią Rozwoju {V} oraz z Krajową Strategią Rozwoju Regionalnego 2030.",
	"Ewaluacja poprzedniego dokumentu wykazała, że {P} zaplanowanych zadań zrealizowano w pełni, a pozostałe przeniesiono do kolejnego okresu programowania.",
	"Przestrzeń publiczna w centrum {G} wymaga uporządkowania, zwiększenia udziału zieleni i usunięcia barier architektonicznych.",
	"Wśród mocnych stron obszaru mieszkańcy wymieniali aktywne koła gospodyń wiejskich, ochotnicze straże pożarne i żywe tradycje rękodzieła.",
	"Uwagi zgłoszone w trakcie konsultacji zostaną opublikowane w raporcie wraz z uzasadnieniem sposobu ich rozpatrzenia.",
	"Małe granty, przyznawane organizacjom w trybie uproszczonym, pozwalają szybko odpowiadać na potrzeby lokalnej społeczności.",
	"Współpraca z sąsiednimi gminami w ramach partnerstwa umożliwia wspólne planowanie usług publicznych ponad granicami administracyjnymi.",
	"Niska emisja i zła jakość powietrza w sezonie grzewczym pozostają jednym z najczęściej zgłaszanych problemów.",
	"W {R} r. programem wymiany źródeł ciepła objęto {N} gospodarstw domowych, a kolejne wnioski są rozpatrywane na bieżąco.",
	"Rada Seniorów i Młodzieżowa Rada opiniują projekty uchwał dotyczące ich grup i uczestniczą w pracach zespołów roboczych.",
	"Analiza danych Głównego Urzędu Statystycznego wskazuje na utrzymujący się odpływ młodych mieszkańców do większych ośrodków miejskich.",
	"Obszar rewitalizacji wyznaczono na podstawie wskaźników ubóstwa, bezrobocia, przestępczości, aktywności społecznej i stanu technicznego zabudowy.",
	"Obszar rewitalizacji obejmuje {p} powierzchni gminy i zamieszkuje go {p} ludności, co mieści się w granicach określonych ustawą o rewitalizacji.",
	"Rynek pracy charakteryzuje się przewagą mikroprzedsiębiorstw oraz sezonowością zatrudnienia w rolnictwie, przetwórstwie i turystyce.",
	"Wsparcie ekonomii społecznej, w tym spółdzielni socjalnych, pozwala tworzyć miejsca pracy dla osób zagrożonych wykluczeniem.",
	"Dostępność cyfrowa serwisów samorządowych i e-usług jest warunkiem włączenia wszystkich mieszkańców w życie publiczne.",
	"Urząd prowadzi bazę organizacji pozarządowych i co roku publikuje sprawozdanie z realizacji programu współpracy.",
	"Otwarte konkursy ofert na realizację zadań publicznych ogłaszane są najpóźniej w styczniu, a ich wyniki publikowane w Biuletynie Informacji Publicznej.",
	"Wdrożenie wymaga zaangażowania jednostek organizacyjnych, w tym ośrodka pomocy społecznej, szkół, biblioteki i domu kultury.",
	"Dziedzictwo kulturowe i przyrodnicze {G} – zabytkowe kościoły, dwory i doliny rzeczne – stanowi podstawę oferty turystycznej.",
	"Rozwój ścieżek rowerowych łączących sołectwa poprawi bezpieczeństwo i ułatwi codzienne dojazdy do szkół i pracy.",
	"Uwagi można było zgłaszać osobiście w urzędzie, pocztą elektroniczną oraz za pomocą formularza na platformie konsultacyjnej.",
	"Zespół zadaniowy spotykał się raz w miesiącu, a notatki ze spotkań publikowano na stronie internetowej urzędu.",
	"Polityka senioralna zakłada rozwój usług opiekuńczych w miejscu zamieszkania, teleopieki oraz wolontariatu międzypokoleniowego.",
	"Wskaźniki dobrano tak, aby można je było corocznie weryfikować na podstawie ogólnodostępnych danych publicznych.",
	"W {R} r. na realizację zadań publicznych przez organizacje pozarządowe przeznaczono {N} tys. zł.",
	"Szkoły i biblioteki pełnią funkcję lokalnych centrów aktywności, w których odbywają się zajęcia dla dzieci, dorosłych i seniorów.",
	"Każda gmina partnerstwa deleguje do zespołu roboczego przedstawiciela urzędu oraz przedstawiciela organizacji społecznej.",
	"Wyzwaniem pozostaje niska frekwencja w konsultacjach, dlatego planowane są nowe formy, takie jak punkty konsultacyjne i spacery studyjne.",
	"Zwiększenie zasobu mieszkań komunalnych i socjalnych jest warunkiem skutecznego przeciwdziałania bezdomności.",
	"Działania w obszarze „{T}” zostaną szczegółowo opisane w programie operacyjnym przyjmowanym odrębną uchwałą.",
	"Temat „{T}” był jednym z najczęściej podejmowanych w uwagach zgłoszonych przez mieszkańców i organizacje.",
	"Wartości docelowe wskaźników określono na podstawie danych z {R} r. i doświadczeń z poprzedniego okresu programowania.",
	"Gmina ma być dobrym miejscem do życia, z dostępem do usług wysokiej jakości z zakresu ochrony zdrowia, edukacji, transportu, kultury i administracji.",
	"Angażowanie mieszkańców w sprawy lokalne jest wyzwaniem, bo wymaga czasu i energii, ale też szansą, bo przynosi nowe pomysły i osoby gotowe współdecydować.",
	"Współdziałanie samorządu i trzeciego sektora wzmacnia społeczeństwo obywatelskie i jest podstawą lokalnej demokracji.",
	"Zwarta zabudowa wymaga przeciwdziałania chaotycznemu rozpraszaniu osadnictwa oraz ochrony krajobrazu i zasobów przyrodniczych.",
	"Rozwój przedsiębiorczości oparty na współpracy biznesu z nauką przyczyni się do wzrostu innowacyjności lokalnych firm.",
	"Usługi społeczne są coraz częściej świadczone przez centrum usług społecznych we współpracy z organizacjami pozarządowymi.",
	"Mieszkańcy {G} oczekują przede wszystkim poprawy stanu dróg lokalnych, dostępu do lekarzy specjalistów i oferty kulturalnej na miejscu.",
	"Na obszarze {G} działa {N} organizacji pozarządowych, z czego około {P} prowadzi regularną działalność.",
	"Sieć placówek wsparcia dziennego dla dzieci obejmuje świetlice środowiskowe i kluby młodzieżowe prowadzone przez organizacje.",
	"Rozwiązania wypracowane w projekcie mogą zostać przeniesione do innych gmin o podobnych problemach i potencjałach.",
	"Dochody budżetu w przeliczeniu na mieszkańca są niższe niż średnia dla {W}, co ogranicza możliwości inwestycyjne samorządu.",
	"Położenie w {L}, przy drogach wojewódzkich i linii kolejowej, jest atutem dla inwestorów i osób dojeżdżających do pracy.",
}

// kindSentences add a few sentences that only fit one kind.
var kindSentences = [numKinds][]string{
	cities: {
		"Sieć osadniczą tworzy kilkanaście sołectw, a ośrodkiem usługowym jest siedziba gminy.",
		"W ostatnich latach przybywa mieszkańców w miejscowościach położonych najbliżej większych miast.",
		"{M} należy do obszarów, na których odsetek osób starszych rośnie szybciej niż średnio w {L}.",
		"Samorząd {G} od {R} r. przyjmuje wieloletni program współpracy z organizacjami pozarządowymi.",
	},
	programmes: {
		"Nabór wniosków prowadzony jest w trybie konkursowym, a kryteria wyboru operacji określa regulamin naboru.",
		"Wkład własny beneficjentów może mieć formę pracy wolontariuszy lub udostępnienia sal i sprzętu.",
		"O wsparcie mogą ubiegać się jednostki samorządu terytorialnego, organizacje pozarządowe oraz podmioty ekonomii społecznej.",
		"Maksymalny poziom dofinansowania wynosi {P} kosztów kwalifikowalnych projektu.",
	},
	organisations: {
		"Organizacja prowadzi działalność pożytku publicznego i utrzymuje się z dotacji, darowizn oraz przekazywanego jej 1,5% podatku.",
		"Wolontariusze organizacji wspierają seniorów, rodziny z dziećmi i osoby z niepełnosprawnościami.",
		"Od {R} r. organizacja realizuje zadania zlecone przez samorząd {G} w ramach otwartych konkursów ofert.",
		"Zarząd organizacji składa co roku sprawozdanie merytoryczne i finansowe, dostępne dla członków i darczyńców.",
	},
	partnerships: {
		"Partnerzy podpisali porozumienie określające zasady współpracy, podział zadań i sposób podejmowania decyzji.",
		"Głównym celem partnerstwa jest niwelowanie różnic w jakości życia mieszkańców gmin, które do niego należą.",
		"Lokalna Strategia Rozwoju obejmuje obszar wszystkich gmin partnerstwa i koncentruje się na potrzebach ich mieszkańców.",
		"Partnerstwo kieruje swoje działania przede wszystkim do osób, które z różnych względów są zagrożone trwałą marginalizacją.",
	},
	documents: {
		"Dokument składa się z części diagnostycznej, części strategicznej oraz systemu wdrażania i monitorowania.",
		"Projekt dokumentu został pozytywnie zaopiniowany przez Radę Działalności Pożytku Publicznego.",
		"Realizacja celów będzie oceniana w raportach rocznych oraz w ewaluacji śródokresowej.",
		"Dokument przygotowano zgodnie z ustawą o zasadach prowadzenia polityki rozwoju.",
	},
	meetings: {
		"Spotkanie otworzył wójt, który przypomniał dotychczasowe efekty współpracy i zaprosił uczestników do dyskusji.",
		"Uczestnicy pracowali w grupach tematycznych poświęconych edukacji, kulturze, przedsiębiorczości oraz ochronie środowiska.",
		"Podczas warsztatów omówiono wyniki badania ankietowego przeprowadzonego wśród {N} mieszkańców, liderów i przedstawicieli młodzieży.",
		"Moderatorzy zebrali propozycje zadań, które zostaną uwzględnione w projekcie dokumentu przedstawionym do konsultacji.",
		"W spotkaniu, oprócz przedstawicieli władz gmin, udział wzięli także eksperci i doradcy zewnętrzni.",
		"Na zakończenie uczestnicy wypełnili ankietę ewaluacyjną, a materiały z warsztatów udostępniono na stronie internetowej.",
		"Kolejne spotkanie zaplanowano za {K} dni; jego tematem będzie harmonogram wdrażania uzgodnionych działań.",
		"Prezentacje i notatka ze spotkania są dostępne w urzędzie oraz w Biuletynie Informacji Publicznej.",
	},
	pages: {
		"Serwis gromadzi dokumenty strategiczne, informacje o partnerstwach i kalendarz spotkań w jednym miejscu.",
		"Treści są aktualizowane przez redakcje urzędów, a każda zmiana jest widoczna w dacie aktualizacji strony.",
		"Uwagi dotyczące działania serwisu można zgłaszać pocztą elektroniczną lub telefonicznie w godzinach pracy urzędu.",
		"Serwis spełnia wymagania ustawy o dostępności cyfrowej stron internetowych podmiotów publicznych.",
	},
}

// intros open a body; they name the entry.
var intros = [numKinds][]string{
	cities: {
		"{D} leży w {L}. Na tej stronie zebrano dokumenty strategiczne, partnerstwa i spotkania, w których uczestniczy samorząd.",
		"Samorząd {G} współtworzy partnerstwa ponadlokalne i prowadzi konsultacje dokumentów z mieszkańcami. {D} leży w {L}.",
	},
	programmes: {
		"{D} wspiera samorządy i organizacje pozarządowe w realizacji przedsięwzięć rozwojowych.",
		"Na tej stronie zebrano partnerstwa, dokumenty i spotkania związane z programem: {D}.",
	},
	organisations: {
		"{D} działa na rzecz mieszkańców {G} od {R} roku.",
		"{D} współpracuje z samorządem {G} przy realizacji zadań publicznych.",
	},
	partnerships: {
		"Porozumienie o współpracy w ramach „{D}” podpisano w {R} r. z inicjatywy samorządu {G}.",
		"Partnerzy „{D}” wspólnie planują działania na rzecz mieszkańców, którzy z różnych względów są zagrożeni marginalizacją.",
	},
	documents: {
		"Dokument „{D}” określa cele, kierunki działań i sposób ich finansowania w perspektywie kilku najbliższych lat.",
		"„{D}” powstał w wyniku kilkumiesięcznych prac zespołu złożonego z przedstawicieli samorządu, organizacji pozarządowych i mieszkańców.",
		"Prezentujemy dokument „{D}” wraz z informacją o sposobie jego przygotowania i wdrażania.",
	},
	meetings: {
		"{S} r. odbyło się spotkanie „{D}”, w którym wzięli udział przedstawiciele samorządu, organizacji pozarządowych i mieszkańcy.",
		"Wydarzenie „{D}” zaplanowano na {S} r. Udział jest bezpłatny, a sala jest dostępna dla osób z niepełnosprawnościami.",
		"Spotkanie „{D}” ({S} r.) było kolejnym etapem prac nad wspólnymi dokumentami strategicznymi.",
	},
	pages: {
		"Strona „{D}” zawiera informacje przydatne dla mieszkańców, redakcji i partnerów serwisu.",
		"Poniżej publikujemy informacje z działu „{D}”.",
	},
}

// headings are ## headings by kind; a body uses each at most once.
var headings = [numKinds][]string{
	cities: {
		"Położenie i podział administracyjny", "Ludność", "Gospodarka i rynek pracy", "Organizacje pozarządowe",
		"Dokumenty strategiczne", "Współpraca ponadlokalna", "Usługi publiczne", "Turystyka i dziedzictwo",
		"Komunikacja", "Partycypacja mieszkańców", "Wyzwania rozwojowe", "Budżet i inwestycje",
	},
	programmes: {
		"O programie", "Kto może skorzystać", "Priorytety", "Nabory wniosków", "Wskaźniki",
		"Zasady finansowania", "Przykładowe projekty", "Rozliczanie", "Ewaluacja", "Dokumenty programowe",
		"Wsparcie dla wnioskodawców", "Harmonogram",
	},
	organisations: {
		"O organizacji", "Cele statutowe", "Działalność", "Współpraca z samorządem", "Projekty",
		"Wolontariat", "Jak nas wesprzeć", "Zespół", "Sprawozdania", "Partnerzy", "Historia", "Plany",
	},
	partnerships: {
		"Cel partnerstwa", "Obszar działania", "Partnerzy", "Struktura i zasady współpracy", "Strategia partnerstwa",
		"Harmonogram prac", "Źródła finansowania", "Rezultaty", "Komunikacja z mieszkańcami", "Wyzwania",
		"Diagnoza obszaru", "Planowane przedsięwzięcia",
	},
	documents: {
		"Diagnoza sytuacji społeczno-gospodarczej", "Analiza SWOT", "Wizja i misja", "Cele strategiczne",
		"Cele operacyjne i kierunki działań", "Zgodność z dokumentami wyższego rzędu", "System wdrażania",
		"Monitoring i ewaluacja", "Ramy finansowe", "Przebieg konsultacji społecznych", "Obszar rewitalizacji",
		"Oczekiwane rezultaty", "Harmonogram realizacji", "Podmioty realizujące",
	},
	meetings: {
		"Program spotkania", "Przebieg spotkania", "Najważniejsze wnioski", "Uczestnicy", "Dalsze kroki",
		"Materiały", "Organizatorzy", "Praca w grupach", "Pytania i odpowiedzi", "Podsumowanie",
		"Tło spotkania", "Kontekst",
	},
	pages: {
		"Informacje ogólne", "Zakres informacji", "Jak korzystać", "Dane redakcji", "Dostępność",
		"Zgłaszanie uwag", "Aktualizacje", "Podstawa prawna", "Często zadawane pytania", "Kontakt z redakcją",
		"Prawa autorskie", "Dane osobowe",
	},
}

// spareHeadings follow when a kind's headings run out.
var spareHeadings = [...]string{"Informacje dodatkowe", "Uwagi końcowe", "Odesłania", "Słowniczek", "Kalendarium", "Źródła danych"}

// listItems are bullet list items.
var listItems = [...]string{
	"organizacja warsztatów dla liderów lokalnych", "utworzenie centrum aktywności lokalnej",
	"rozwój wolontariatu senioralnego", "modernizacja przestrzeni publicznej wokół rynku",
	"wsparcie inicjatyw sąsiedzkich", "program stypendialny dla uzdolnionej młodzieży",
	"poprawa dostępności przystanków komunikacji publicznej", "szkolenia dla organizacji pozarządowych z pozyskiwania funduszy",
	"punkt nieodpłatnej pomocy prawnej", "rozbudowa sieci ścieżek rowerowych",
	"termomodernizacja budynków użyteczności publicznej", "powołanie rady działalności pożytku publicznego",
	"coroczne konsultacje budżetu obywatelskiego", "doradztwo zawodowe dla osób bezrobotnych",
	"klub seniora i uniwersytet trzeciego wieku", "inkubator przedsiębiorczości",
	"program opieki wytchnieniowej", "festyn integracyjny z udziałem organizacji",
	"mapa potrzeb mieszkańców", "spacer badawczy po obszarze rewitalizacji",
	"wymiana doświadczeń z miastami partnerskimi", "kampania informacyjna o konsultacjach",
	"cyfrowa platforma zgłaszania uwag", "lokalny fundusz grantowy", "remont świetlic wiejskich",
	"zielone podwórka i ogrody społeczne", "asystent osobisty osoby z niepełnosprawnością",
	"wymiana pieców węglowych", "rozwój e-usług urzędu", "transport na żądanie dla mieszkańców wsi",
	"mieszkania wspomagane dla seniorów", "staże zawodowe dla absolwentów",
}

// steps are numbered list items: stages of work.
var steps = [...]string{
	"Przygotowanie diagnozy i analiza danych statystycznych", "Powołanie zespołu roboczego",
	"Warsztaty strategiczne z udziałem mieszkańców", "Opracowanie projektu dokumentu",
	"Konsultacje społeczne projektu", "Przyjęcie dokumentu uchwałą rady", "Coroczny raport z realizacji",
	"Ewaluacja śródokresowa i aktualizacja", "Ogłoszenie naboru wniosków", "Ocena formalna i merytoryczna wniosków",
	"Podpisanie umów z beneficjentami", "Realizacja i rozliczenie operacji", "Rejestracja uczestników",
	"Prezentacja wyników diagnozy", "Praca w grupach tematycznych", "Podsumowanie i ustalenie dalszych kroków",
}

// goals are rows of the | Cel | Wskaźnik | Wartość docelowa | table; a
// unit of "%" makes the target a percentage.
var goals = [...]struct{ goal, indicator, unit string }{
	{"Aktywizacja społeczna seniorów", "liczba uczestników zajęć", "osób"},
	{"Rozwój organizacji pozarządowych", "liczba organizacji korzystających ze wsparcia", "organizacji"},
	{"Rewitalizacja centrum", "powierzchnia zagospodarowanej przestrzeni publicznej", "m²"},
	{"Poprawa jakości powietrza", "liczba wymienionych źródeł ciepła", "szt."},
	{"Partycypacja mieszkańców", "frekwencja w głosowaniu na budżet obywatelski", "%"},
	{"Aktywizacja zawodowa", "liczba osób, które podjęły zatrudnienie", "osób"},
	{"Transport publiczny", "liczba kursów w dni robocze", "kursów"},
	{"Edukacja przedszkolna", "odsetek dzieci objętych wychowaniem przedszkolnym", "%"},
	{"Oferta kulturalna", "liczba wydarzeń kulturalnych w roku", "wydarzeń"},
	{"Integracja społeczna", "liczba osób objętych usługami społecznymi", "osób"},
	{"Mieszkalnictwo komunalne", "liczba wyremontowanych lokali", "lokali"},
	{"Cyfryzacja usług", "odsetek spraw załatwianych przez internet", "%"},
	{"Turystyka", "liczba udzielonych noclegów", "noclegów"},
	{"Bezpieczeństwo pieszych", "liczba doświetlonych przejść dla pieszych", "przejść"},
	{"Zieleń", "liczba posadzonych drzew", "drzew"},
	{"Wolontariat", "liczba aktywnych wolontariuszy", "osób"},
	{"Aktywność młodzieży", "liczba inicjatyw młodzieżowych", "inicjatyw"},
	{"Dostępność", "liczba budynków bez barier architektonicznych", "budynków"},
}

// summaries are one-sentence descriptions for the `summary` key.
var summaries = [numKinds][]string{
	cities: {
		"Dokumenty strategiczne, partnerstwa i spotkania samorządu {G}.",
		"{M}: strategie, programy współpracy i kalendarz konsultacji.",
	},
	programmes: {
		"Program wspierający rozwój lokalny; nabory, partnerstwa i dokumenty.",
		"Partnerstwa, dokumenty i spotkania finansowane w ramach programu.",
	},
	organisations: {
		"Organizacja działająca na rzecz mieszkańców {G}.",
		"Partner samorządu {G} w realizacji zadań publicznych: {T}.",
	},
	partnerships: {
		"Partnerstwo samorządów i organizacji na rzecz rozwoju obszaru; wspólne dokumenty i spotkania.",
		"Współpraca ponadlokalna z udziałem samorządu {G}: {T}.",
	},
	documents: {
		"Cele, kierunki działań i wskaźniki na najbliższe lata; temat przewodni: {T}.",
		"Dokument przygotowany z udziałem mieszkańców i organizacji pozarządowych {G}.",
		"Najważniejsze ustalenia, harmonogram i sposób monitorowania – \"{T}\" w praktyce.",
	},
	meetings: {
		"Spotkanie {S} r. – {T}; zapraszamy mieszkańców i organizacje.",
		"Warsztaty i dyskusja o przyszłości {G}.",
	},
	pages: {
		"Informacje o serwisie i jego redakcji.",
		"Jak korzystać z serwisu: dokumenty, spotkania i partnerstwa w jednym miejscu.",
	},
}
