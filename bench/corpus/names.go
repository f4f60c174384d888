package corpus

// The word lists below are read-only tables: nothing writes to them.

// gender of a place name; adjectives in a name agree with it.
type gender uint8

const (
	feminine gender = iota
	masculine
	neuter
	plural
)

// placeRoots are real and real-sounding Polish place names by gender.
var placeRoots = [...][]string{
	feminine: {
		"Wola", "Dąbrowa", "Łęczyca", "Góra", "Brzezina", "Olszyna", "Lipnica", "Wierzbica",
		"Sośnica", "Bystrzyca", "Jabłonna", "Łomnica", "Poręba", "Huta", "Ruda", "Jasienica",
		"Kamionka", "Sucha", "Osiecznica", "Radwanica", "Zawada", "Rokitnica", "Trzcinica",
		"Mszana", "Leśnica", "Modlnica", "Tuchola", "Chmielnica", "Brzoza", "Jodłowa", "Dębina",
		"Krynica", "Słupia", "Wilga", "Grabownica", "Żarnowica", "Kościelnica", "Biskupica",
		"Strzyżowa", "Mielnica", "Skała", "Wólka", "Łąka", "Dobra", "Rzeczyca", "Stawiszyna",
	},
	masculine: {
		"Sokołów", "Brzeg", "Bór", "Kamień", "Grodzisk", "Radomyśl", "Józefów", "Tomaszów",
		"Głogów", "Chełm", "Dobrzyń", "Lubień", "Przemków", "Żmigród", "Gródek", "Lubartów",
		"Łańcut", "Kórnik", "Ożarów", "Nowogród", "Kazimierz", "Wąchock", "Strzyżów", "Bieruń",
		"Rymanów", "Krasnobród", "Janów", "Borzęcin", "Zakrzew", "Wiśniew", "Goszczyn", "Bolimów",
		"Lipnik", "Staszów", "Wąsosz", "Gostynin", "Rypin", "Lubomin", "Kozienin", "Opatów",
		"Biłgoraj", "Sandomierz", "Pułtusk", "Tczew", "Zgierz", "Lubsk", "Brześć", "Szczebrzeszyn",
	},
	neuter: {
		"Kłodzko", "Brzesko", "Siedlisko", "Gniewkowo", "Strzelno", "Czarnowo", "Jabłonowo",
		"Bobrowo", "Brzozowo", "Mrągowo", "Rogowo", "Sępólno", "Osiecko", "Kościelisko", "Bojano",
		"Radziejowo", "Miastko", "Pniewo", "Lubiszewo", "Przechowo", "Zbąszynko", "Wronowo",
		"Dziekanowo", "Łukowo", "Leszno", "Kościerzyno", "Pieniężno", "Ostrowo", "Grabowo", "Chociwo",
	},
	plural: {
		"Kobierzyce", "Łagiewniki", "Skierniewice", "Puławy", "Piaski", "Czechowice", "Mysłowice",
		"Bolesławice", "Prusice", "Jaworzyce", "Chojnice", "Kraśnice", "Warzyce", "Trzebnice",
		"Radomice", "Budy", "Łazy", "Żarki", "Głuchołazy", "Myszkowice", "Wilkowice", "Siemianice",
		"Dobrzyce", "Gorzyce", "Kęty", "Kleszczewice", "Pątnowice", "Rudniki", "Sitkówki",
	},
}

// stems and endings build further names the way many Polish names are built.
var placeStems = [...]string{
	"Bogu", "Chrzano", "Dzierżo", "Goszy", "Jaro", "Kra", "Lubo", "Mieszko", "Mroczy", "Niedźwie",
	"Osie", "Przy", "Rado", "Sędzi", "Siemi", "Stroje", "Świę", "Trzebi", "Wielo", "Wro", "Zbą",
	"Żuro", "Łuko", "Grzy", "Koczy", "Bierzy", "Doma", "Sobie", "Jani", "Bole", "Cieszy", "Dobie",
	"Gnie", "Kozi", "Miło", "Pako", "Racie", "Skaro", "Tuli", "Wiele",
}

var placeEndings = [...]struct {
	s string
	g gender
}{
	{"szów", masculine}, {"wice", plural}, {"sław", masculine}, {"cin", masculine},
	{"niki", plural}, {"wo", neuter}, {"sko", neuter}, {"nica", feminine}, {"chów", masculine},
	{"kowo", neuter}, {"czyce", plural}, {"mierz", masculine}, {"lin", masculine}, {"wka", feminine},
}

// placeAdjectives agree with the gender: index 0 feminine, 1 masculine, 2
// neuter and plural.
var placeAdjectives = [...][3]string{
	{"Górna", "Górny", "Górne"}, {"Dolna", "Dolny", "Dolne"}, {"Mała", "Mały", "Małe"},
	{"Wielka", "Wielki", "Wielkie"}, {"Nowa", "Nowy", "Nowe"}, {"Stara", "Stary", "Stare"},
	{"Królewska", "Królewski", "Królewskie"}, {"Kościelna", "Kościelny", "Kościelne"},
	{"Szlachecka", "Szlachecki", "Szlacheckie"}, {"Pomorska", "Pomorski", "Pomorskie"},
	{"Śląska", "Śląski", "Śląskie"}, {"Mazowiecka", "Mazowiecki", "Mazowieckie"},
	{"Kujawska", "Kujawski", "Kujawskie"}, {"Podlaska", "Podlaski", "Podlaskie"},
	{"Lubuska", "Lubuski", "Lubuskie"}, {"Krajeńska", "Krajeński", "Krajeńskie"},
	{"Wielkopolska", "Wielkopolski", "Wielkopolskie"}, {"Kaszubska", "Kaszubski", "Kaszubskie"},
}

// Ranges of placeAdjectives: Górna and Dolna follow a name, Mała to Stara
// also precede it (Nowa Wola, Stary Brzeg); Nowa and Stara precede a name
// that is followed by Górna or Dolna (Nowa Wola Górna).
const (
	upperLower = 2
	prefixFrom = 2
	prefixTo   = 6
	newOld     = 4
)

// riversInstr are rivers in the instrumental, for "nad Wisłą".
var riversInstr = [...]string{
	"Wisłą", "Odrą", "Wartą", "Bugiem", "Sanem", "Pilicą", "Notecią", "Nysą", "Wieprzem",
	"Narwią", "Drwęcą", "Bzurą", "Prosną", "Dunajcem", "Bobrem", "Sołą", "Rabą", "Liwcem",
}

// riversGen are rivers in the genitive, for "Dolina Baryczy".
var riversGen = [...]string{
	"Wisły", "Odry", "Warty", "Bugu", "Sanu", "Pilicy", "Noteci", "Nysy", "Wieprza", "Narwi",
	"Drwęcy", "Bzury", "Prosny", "Dunajca", "Bobru", "Baryczy", "Raby", "Słupi", "Łyny",
	"Biebrzy", "Krzny", "Liwca", "Skawy", "Soły", "Rudawy", "Mogilnicy",
}

// region is one województwo: its name (the city `region` value), the
// genitive and the locative for sentences.
type region struct{ name, gen, loc string }

var regions = [...]region{
	{"dolnośląskie", "dolnośląskiego", "dolnośląskim"},
	{"kujawsko-pomorskie", "kujawsko-pomorskiego", "kujawsko-pomorskim"},
	{"lubelskie", "lubelskiego", "lubelskim"},
	{"lubuskie", "lubuskiego", "lubuskim"},
	{"łódzkie", "łódzkiego", "łódzkim"},
	{"małopolskie", "małopolskiego", "małopolskim"},
	{"mazowieckie", "mazowieckiego", "mazowieckim"},
	{"opolskie", "opolskiego", "opolskim"},
	{"podkarpackie", "podkarpackiego", "podkarpackim"},
	{"podlaskie", "podlaskiego", "podlaskim"},
	{"pomorskie", "pomorskiego", "pomorskim"},
	{"śląskie", "śląskiego", "śląskim"},
	{"świętokrzyskie", "świętokrzyskiego", "świętokrzyskim"},
	{"warmińsko-mazurskie", "warmińsko-mazurskiego", "warmińsko-mazurskim"},
	{"wielkopolskie", "wielkopolskiego", "wielkopolskim"},
	{"zachodniopomorskie", "zachodniopomorskiego", "zachodniopomorskim"},
}

// Enumerations of the content model.
var (
	cityTypes         = [...]string{"gmina-miejska", "gmina-wiejska", "gmina-miejsko-wiejska", "miasto-na-prawach-powiatu", "powiat", "wojewodztwo"}
	organisationTypes = [...]string{"fundacja", "stowarzyszenie", "urzad", "instytucja", "kosciol", "inna"}
	partnershipTypes  = [...]string{"lgd", "lgw", "partnerstwo", "projekt", "koalicja"}
	documentTypes     = [...]string{"strategia", "program", "polityka", "plan", "raport", "uchwala", "inny"}
	documentStatuses  = [...]string{"draft", "consultation", "adopted", "expired"}
	meetingTypes      = [...]string{"warsztaty", "konferencja", "spotkanie", "konsultacje", "posiedzenie", "seminarium"}
)

// Indexes into cityTypes.
const (
	gminaMiejska = iota
	gminaWiejska
	gminaMiejskoWiejska
	miastoNaPrawachPowiatu
	powiat
	wojewodztwo
)

// topics are the free topics entries are tagged with.
var topics = [...]string{
	"rewitalizacja", "partycypacja", "seniorzy", "NGO", "młodzież", "rynek pracy",
	"transport publiczny", "klimat", "edukacja", "kultura", "zdrowie", "mieszkalnictwo",
	"przedsiębiorczość", "turystyka", "rolnictwo", "ochrona środowiska", "budżet obywatelski",
	"konsultacje społeczne", "pomoc społeczna", "niepełnosprawność", "cyfryzacja",
	"bezpieczeństwo", "sport", "dziedzictwo kulturowe", "energetyka", "gospodarka odpadami",
	"rodzina", "wolontariat", "dostępność", "przestrzeń publiczna", "ekonomia społeczna",
	"współpraca międzygminna",
}

// programmeBases are real programmes; the first three are always present.
var programmeBases = [...]struct {
	title, short, funder, website string
	from, to                      int
}{
	{"Rozwój Lokalny Kierowany przez Społeczność", "RLKS", "Unia Europejska – Europejski Fundusz Rolny na rzecz Rozwoju Obszarów Wiejskich", "https://www.gov.pl/web/rolnictwo/rlks", 2014, 2020},
	{"URBACT IV", "URBACT", "Unia Europejska – Europejski Fundusz Rozwoju Regionalnego", "https://urbact.eu/", 2021, 2027},
	{"Europejski Fundusz Społeczny Plus", "EFS", "Unia Europejska – Europejski Fundusz Społeczny", "https://www.funduszeeuropejskie.gov.pl/", 2021, 2027},
	{"Fundusze Europejskie dla Rozwoju Społecznego", "FERS", "Ministerstwo Funduszy i Polityki Regionalnej", "https://www.power.gov.pl/", 2021, 2027},
	{"Program Operacyjny Wiedza Edukacja Rozwój", "POWER", "Unia Europejska – Europejski Fundusz Społeczny", "https://www.power.gov.pl/", 2014, 2020},
	{"Program Rozwoju Obszarów Wiejskich", "PROW", "Unia Europejska – Europejski Fundusz Rolny na rzecz Rozwoju Obszarów Wiejskich", "https://www.gov.pl/web/rolnictwo/prow-2014-2020", 2014, 2020},
	{"Fundusz Inicjatyw Obywatelskich NOWEFIO", "FIO", "Narodowy Instytut Wolności – Centrum Rozwoju Społeczeństwa Obywatelskiego", "https://niw.gov.pl/", 2021, 2030},
	{"Program Wieloletni „Senior+”", "Senior+", "Ministerstwo Rodziny i Polityki Społecznej", "https://www.gov.pl/web/rodzina/senior-plus", 2021, 2025},
	{"Rządowy Program Odbudowy Zabytków", "RPOZ", "Bank Gospodarstwa Krajowego", "https://www.bgk.pl/", 2022, 2023},
	{"Interreg Polska – Saksonia", "Interreg", "Unia Europejska – Europejski Fundusz Rozwoju Regionalnego", "https://www.plsn.eu/", 2021, 2027},
	{"Fundusze Europejskie na Infrastrukturę, Klimat, Środowisko", "FEnIKS", "Ministerstwo Funduszy i Polityki Regionalnej", "https://www.feniks.gov.pl/", 2021, 2027},
	{"Program \"Czyste Powietrze\"", "Czyste Powietrze", "Narodowy Fundusz Ochrony Środowiska i Gospodarki Wodnej", "https://czystepowietrze.gov.pl/", 2018, 2029},
	{"Fundusze EOG i Norweskie: Rozwój Lokalny", "EOG", "Mechanizm Finansowy Europejskiego Obszaru Gospodarczego", "https://eeagrants.org/", 2014, 2021},
	{"Erasmus+", "Erasmus+", "Komisja Europejska", "https://erasmusplus.org.pl/", 2021, 2027},
	{"Korpus Solidarności", "KS", "Narodowy Instytut Wolności – Centrum Rozwoju Społeczeństwa Obywatelskiego", "https://www.korpussolidarnosci.gov.pl/", 2018, 2030},
	{"Program „Maluch+”", "Maluch+", "Ministerstwo Rodziny i Polityki Społecznej", "https://www.gov.pl/web/rodzina/maluch", 2022, 2029},
	{"Program Rozwoju Organizacji Obywatelskich", "PROO", "Narodowy Instytut Wolności – Centrum Rozwoju Społeczeństwa Obywatelskiego", "https://niw.gov.pl/", 2018, 2030},
	{"Rządowy Fundusz Polski Ład: Program Inwestycji Strategicznych", "Polski Ład", "Bank Gospodarstwa Krajowego", "https://www.bgk.pl/", 2021, 2024},
	{"Pilotaż Centrum Wsparcia Doradczego", "CWD", "Ministerstwo Funduszy i Polityki Regionalnej", "https://www.gov.pl/web/fundusze-regiony", 2019, 2023},
	{"Regionalny Program Operacyjny Województwa Łódzkiego", "RPO WŁ", "Zarząd Województwa Łódzkiego", "https://rpo.lodzkie.pl/", 2014, 2020},
	{"Regionalny Program Operacyjny Województwa Kujawsko-Pomorskiego", "RPO WK-P", "Zarząd Województwa Kujawsko-Pomorskiego", "https://mojregion.eu/", 2014, 2020},
	{"Regionalny Program Operacyjny Województwa Dolnośląskiego", "RPO WD", "Zarząd Województwa Dolnośląskiego", "https://rpo.dolnyslask.pl/", 2014, 2020},
	{"Program „Dostępność Plus”", "Dostępność Plus", "Ministerstwo Funduszy i Polityki Regionalnej", "https://www.gov.pl/web/dostepnosc", 2018, 2025},
	{"Program Wieloletni „Aktywni+”", "Aktywni+", "Ministerstwo Rodziny i Polityki Społecznej", "https://www.gov.pl/web/rodzina/aktywni", 2021, 2025},
}

// Organisation name parts.
var (
	fancyNames = [...]string{
		"Radość Życia", "Feniks", "Nowe Miasto", "Podgórze", "Razem", "Tęcza", "Kuźnia", "Źródło",
		"Jutrzenka", "Przystań", "Sąsiedzi", "Zielony Dom", "Pod Lipami", "Na Skarpie", "Dobry Start",
		"Otwarte Serca", "Złota Jesień", "Nadzieja", "Promyk", "Wspólna Sprawa", "Stara Kuźnia",
		"Kalina", "Jarzębina", "Niezapominajka", "Sploty", "Most", "Ogniwo", "Horyzont", "Sudety",
		"Pracownia Zmian", "Kasztanowe Wzgórze", "Młyn", "Zakątek", "Dolina Marzeń", "Iskra",
	}
	foundationFields = [...]string{
		"Rozwoju Ekonomii Społecznej", "Wspierania Seniorów", "Na Rzecz Osób Niepełnosprawnych",
		"Inicjatyw Lokalnych", "Edukacji Obywatelskiej", "Rozwoju Przedsiębiorczości",
		"Ochrony Dziedzictwa", "Aktywności Lokalnej", "Wspierania Rodzin", "Zdrowego Stylu Życia",
		"Dzieci i Młodzieży", "Partycypacji Społecznej", "Ekologii i Klimatu", "Pomocy Sąsiedzkiej",
	}
	saints = [...]string{
		"Józefa", "Jana Chrzciciela", "Stanisława Biskupa", "Wojciecha", "Mikołaja", "Katarzyny",
		"Jadwigi", "Michała Archanioła", "Marcina", "Bartłomieja", "Floriana", "Anny", "Małgorzaty",
		"Wawrzyńca", "Jakuba Apostoła", "Trójcy Świętej",
	}
	institutionKinds = [...]string{
		"Ośrodek Pomocy Społecznej", "Centrum Usług Społecznych", "Biblioteka Publiczna", "Ośrodek Kultury",
		"Ośrodek Sportu i Rekreacji", "Centrum Integracji Społecznej", "Środowiskowy Dom Samopomocy",
		"Centrum Kultury i Sportu", "Muzeum Regionalne", "Dom Pomocy Społecznej", "Żłobek Publiczny",
		"Centrum Aktywności Lokalnej", "Poradnia Psychologiczno-Pedagogiczna",
	}
	councilBodies = [...]string{"Młodzieżowa Rada", "Rada Seniorów", "Rada Działalności Pożytku Publicznego", "Klaster Energii", "Rada Sportu"}
)

// Partnership name parts.
var (
	landscapeWords    = [...]string{"Dolina", "Kraina", "Brama", "Serce", "Przystań", "Szlak", "Zakole", "Źródła"}
	partnershipMottos = [...]string{
		"Wspieramy rozwój naszych małych ojczyzn", "Razem dla regionu", "Wspólna przyszłość",
		"Człowiek w centrum uwagi", "Dobre sąsiedztwo", "Zielony pierścień", "Aktywne pogranicze",
		"Między miastem a wsią", "Szlakiem tradycji", "Lepsze usługi publiczne",
	}
	projectNames = [...]string{
		"Akademia Konsultacji Społecznych", "Centrum Wsparcia Doradczego", "Aktywni Seniorzy",
		"Szkoła Liderów", "Partycypacja w praktyce", "Młodzi w działaniu", "Sąsiedzka Sieć",
		"Zdrowe Miasto", "Miasto dla Wszystkich", "Aktywne Dzielnice", "Otwarta Gmina",
		"Cyfrowy Urząd", "Lokalne Partnerstwa Wodne", "Wspólne Podwórka",
	}
	coalitionCauses = [...]string{
		"Seniorów", "Czystego Powietrza", "Rewitalizacji", "Dostępności", "Partycypacji",
		"Młodzieży", "Ekonomii Społecznej", "Bezpiecznych Dróg", "Zieleni Miejskiej",
	}
)

// pageTitles are the standard pages of a site; more are made from topics
// and numbered notices.
var pageTitles = [...]string{
	"O serwisie", "Deklaracja dostępności", "Kontakt", "Polityka prywatności", "Mapa serwisu",
	"Jak korzystać z wyszukiwarki", "Słowniczek pojęć", "Dla redakcji", "Zasady konsultacji społecznych",
	"Partnerzy serwisu", "Często zadawane pytania", "Jak zgłosić wydarzenie", "Otwarte dane",
	"Regulamin serwisu", "Informacja o plikach cookies",
}

// monthsGen are Polish month names in the genitive, for "17 stycznia 2021".
var monthsGen = [...]string{
	"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
	"września", "października", "listopada", "grudnia",
}

// Meeting name parts by meeting type (indexes into meetingTypes).
var meetingSubjects = [...][]string{
	{"Warsztaty strategiczne", "Warsztaty dla organizacji pozarządowych", "Warsztaty z mieszkańcami", "Warsztaty przyszłościowe", "Warsztaty w sprawie rewitalizacji", "Warsztaty dla liderów lokalnych"},
	{"Konferencja „Jak partycypacyjnie zarządzać zasobami miasta?”", "Konferencja \"Razem dla seniorów\"", "Konferencja podsumowująca projekt", "Konferencja: współpraca samorządu z NGO", "Konferencja „Gmina przyjazna mieszkańcom”", "Konferencja regionalna RLKS"},
	{"Spotkanie informacyjne", "Spotkanie sieciujące organizacji", "Spotkanie z mieszkańcami", "Spotkanie inicjatywne partnerstwa", "Spotkanie robocze zespołu strategicznego", "Spacer badawczy"},
	{"Spotkanie konsultacyjne projektu strategii", "Konsultacje programu współpracy z NGO", "Konsultacje programu rewitalizacji", "Dyżur konsultacyjny", "Konsultacje polityki senioralnej", "Otwarte spotkanie konsultacyjne"},
	{"Posiedzenie Lokalnej Grupy Wsparcia", "Posiedzenie Rady Działalności Pożytku Publicznego", "Posiedzenie Zarządu LGD", "Posiedzenie Rady Seniorów", "Posiedzenie Komitetu Rewitalizacji", "Posiedzenie Młodzieżowej Rady"},
	{"Seminarium „Ekonomia społeczna w gminie”", "Seminarium o budżecie obywatelskim", "Seminarium: dostępność usług publicznych", "Seminarium dla sołtysów", "Seminarium „Klimat dla gmin”", "Seminarium o usługach społecznych"},
}

// placeNames are where meetings happen.
var placeNames = [...]string{
	"Gminny Ośrodek Kultury", "Sala konferencyjna urzędu", "Biblioteka Publiczna", "Centrum Kultury i Sportu",
	"Szkoła Podstawowa nr 1", "Świetlica wiejska", "Dom Strażaka", "Centrum Aktywności Lokalnej",
	"Sala sesyjna rady", "Klub Seniora", "Młodzieżowy Dom Kultury", "Centrum Nauki i Sztuki „Stara Kopalnia”",
}

var streets = [...]string{
	"Kościuszki", "Mickiewicza", "Rynek", "Szkolna", "Kościelna", "Ogrodowa", "Słowackiego",
	"Piłsudskiego", "3 Maja", "Polna", "Lipowa", "Sienkiewicza", "Wojska Polskiego", "Plac Wolności",
}
