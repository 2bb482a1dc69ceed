package world

// name is a name as written in its own script, with the Latin spelling used in email addresses.
type name struct{ native, latin string }

// locale drives realistic names, phone numbers and mail domains for one part of the world.
type locale struct {
	weight      int
	tag         string // BCP 47 locale of the people drawn from it
	first, last []name
	familyFirst bool   // East Asian order: family name first
	joiner      string // between the two names ("" for Chinese, Japanese and Korean)
	phoneCode   string // E.164 country code with "+"
	areas       []string
	domains     []string
}

func latin(names ...string) []name {
	out := make([]name, len(names))
	for i, n := range names {
		out[i] = name{n, n}
	}
	return out
}

var commonDomains = []string{"gmail.com", "outlook.com", "yahoo.com", "proton.me", "icloud.com", "fastmail.com"}

var locales = []locale{
	{weight: 30, tag: "en-US", joiner: " ", phoneCode: "+1", areas: []string{"212", "312", "415", "503", "617", "702", "206", "512"},
		domains: []string{"acme.io", "initech.com", "globex.com", "umbrella-corp.com"},
		first:   latin("James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Chris", "Karen", "Ada", "Grace", "Alan", "Margaret"),
		last:    latin("Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Hopper", "Turing")},
	{weight: 8, tag: "en-GB", joiner: " ", phoneCode: "+44", areas: []string{"7700", "7911", "7400", "7555"},
		domains: []string{"btinternet.com", "example.co.uk"},
		first:   latin("Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Jack", "Emily", "Charlie", "Sophie", "Alfie", "Poppy"),
		last:    latin("Jones", "Evans", "Roberts", "Wright", "Walker", "Hughes", "Edwards", "Green", "Hall", "Wood", "Clarke", "Patel")},
	{weight: 8, tag: "de-DE", joiner: " ", phoneCode: "+49", areas: []string{"151", "160", "170", "176"},
		domains: []string{"web.de", "gmx.de", "t-online.de"},
		first:   []name{{"Jürgen", "juergen"}, {"Günther", "guenther"}, {"Anna", "anna"}, {"Lukas", "lukas"}, {"Sophie", "sophie"}, {"Maximilian", "maximilian"}, {"Lena", "lena"}, {"Felix", "felix"}, {"Jörg", "joerg"}, {"Käthe", "kaethe"}},
		last:    []name{{"Müller", "mueller"}, {"Schmidt", "schmidt"}, {"Schneider", "schneider"}, {"Fischer", "fischer"}, {"Weiß", "weiss"}, {"Größer", "groesser"}, {"Wagner", "wagner"}, {"Becker", "becker"}, {"Hoffmann", "hoffmann"}, {"Schäfer", "schaefer"}}},
	{weight: 6, tag: "fr-FR", joiner: " ", phoneCode: "+33", areas: []string{"6", "7"},
		domains: []string{"orange.fr", "free.fr", "laposte.net"},
		first:   []name{{"Émilie", "emilie"}, {"François", "francois"}, {"Chloé", "chloe"}, {"Jérôme", "jerome"}, {"Camille", "camille"}, {"Hélène", "helene"}, {"Noël", "noel"}, {"Inès", "ines"}, {"Théo", "theo"}, {"Léa", "lea"}},
		last:    []name{{"Martin", "martin"}, {"Bernard", "bernard"}, {"Dubois", "dubois"}, {"Lefèvre", "lefevre"}, {"Moreau", "moreau"}, {"Girard", "girard"}, {"Lemaître", "lemaitre"}, {"Rousseau", "rousseau"}, {"Fontaine", "fontaine"}, {"Chevalier", "chevalier"}}},
	{weight: 8, tag: "es-ES", joiner: " ", phoneCode: "+34", areas: []string{"6", "7"},
		domains: []string{"telefonica.es", "correo.es"},
		first:   []name{{"José", "jose"}, {"María", "maria"}, {"Lucía", "lucia"}, {"Javier", "javier"}, {"Sofía", "sofia"}, {"Álvaro", "alvaro"}, {"Carmen", "carmen"}, {"Ramón", "ramon"}, {"Inés", "ines"}, {"Martín", "martin"}},
		last:    []name{{"García", "garcia"}, {"Fernández", "fernandez"}, {"González", "gonzalez"}, {"Rodríguez", "rodriguez"}, {"López", "lopez"}, {"Martínez", "martinez"}, {"Sánchez", "sanchez"}, {"Pérez", "perez"}, {"Gómez", "gomez"}, {"Núñez", "nunez"}}},
	{weight: 5, tag: "pl-PL", joiner: " ", phoneCode: "+48", areas: []string{"50", "60", "69", "78"},
		domains: []string{"wp.pl", "onet.pl"},
		first:   []name{{"Łukasz", "lukasz"}, {"Małgorzata", "malgorzata"}, {"Paweł", "pawel"}, {"Agnieszka", "agnieszka"}, {"Michał", "michal"}, {"Żaneta", "zaneta"}, {"Krzysztof", "krzysztof"}, {"Katarzyna", "katarzyna"}},
		last:    []name{{"Nowak", "nowak"}, {"Kowalski", "kowalski"}, {"Wiśniewski", "wisniewski"}, {"Wójcik", "wojcik"}, {"Kamiński", "kaminski"}, {"Lewandowska", "lewandowska"}, {"Zieliński", "zielinski"}, {"Szymańska", "szymanska"}}},
	{weight: 6, tag: "ja-JP", familyFirst: true, phoneCode: "+81", areas: []string{"80", "90", "70"},
		domains: []string{"docomo.ne.jp", "ezweb.ne.jp"},
		first:   []name{{"由紀", "yuki"}, {"翔太", "shota"}, {"陽菜", "hina"}, {"大輝", "daiki"}, {"美咲", "misaki"}, {"健太", "kenta"}, {"さくら", "sakura"}, {"蓮", "ren"}, {"結衣", "yui"}, {"拓海", "takumi"}},
		last:    []name{{"佐藤", "sato"}, {"鈴木", "suzuki"}, {"高橋", "takahashi"}, {"田中", "tanaka"}, {"渡辺", "watanabe"}, {"伊藤", "ito"}, {"山本", "yamamoto"}, {"中村", "nakamura"}, {"小林", "kobayashi"}, {"山田", "yamada"}}},
	{weight: 6, tag: "zh-CN", familyFirst: true, phoneCode: "+86", areas: []string{"138", "139", "150", "186"},
		domains: []string{"qq.com", "163.com"},
		first:   []name{{"伟", "wei"}, {"芳", "fang"}, {"娜", "na"}, {"秀英", "xiuying"}, {"敏", "min"}, {"静", "jing"}, {"强", "qiang"}, {"磊", "lei"}, {"洋", "yang"}, {"艳", "yan"}},
		last:    []name{{"王", "wang"}, {"李", "li"}, {"张", "zhang"}, {"刘", "liu"}, {"陈", "chen"}, {"杨", "yang"}, {"黄", "huang"}, {"赵", "zhao"}, {"吴", "wu"}, {"周", "zhou"}}},
	{weight: 4, tag: "ko-KR", familyFirst: true, phoneCode: "+82", areas: []string{"10"},
		domains: []string{"naver.com", "daum.net"},
		first:   []name{{"민준", "minjun"}, {"서연", "seoyeon"}, {"도윤", "doyun"}, {"지우", "jiwoo"}, {"하준", "hajun"}, {"서윤", "seoyun"}},
		last:    []name{{"김", "kim"}, {"이", "lee"}, {"박", "park"}, {"최", "choi"}, {"정", "jung"}, {"강", "kang"}}},
	{weight: 6, tag: "ru-RU", joiner: " ", phoneCode: "+7", areas: []string{"903", "916", "925", "985"},
		domains: []string{"yandex.ru", "mail.ru"},
		first:   []name{{"Ольга", "olga"}, {"Дмитрий", "dmitry"}, {"Анна", "anna"}, {"Сергей", "sergey"}, {"Наталья", "natalya"}, {"Алексей", "alexey"}, {"Екатерина", "ekaterina"}, {"Иван", "ivan"}},
		last:    []name{{"Иванова", "ivanova"}, {"Смирнов", "smirnov"}, {"Кузнецова", "kuznetsova"}, {"Попов", "popov"}, {"Соколова", "sokolova"}, {"Лебедев", "lebedev"}, {"Козлова", "kozlova"}, {"Новиков", "novikov"}}},
	{weight: 5, tag: "ar-EG", joiner: " ", phoneCode: "+20", areas: []string{"10", "11", "12"},
		domains: []string{"link.net", "yahoo.com"},
		first:   []name{{"أمينة", "amina"}, {"محمد", "mohamed"}, {"فاطمة", "fatma"}, {"أحمد", "ahmed"}, {"مريم", "mariam"}, {"عمر", "omar"}, {"ليلى", "laila"}, {"يوسف", "youssef"}},
		last:    []name{{"الحسيني", "elhusseini"}, {"المصري", "elmasry"}, {"حسن", "hassan"}, {"إبراهيم", "ibrahim"}, {"سالم", "salem"}, {"عبدالله", "abdallah"}}},
	{weight: 7, tag: "hi-IN", joiner: " ", phoneCode: "+91", areas: []string{"98", "99", "90", "70"},
		domains: []string{"rediffmail.com", "gmail.com"},
		first:   []name{{"प्रिया", "priya"}, {"राहुल", "rahul"}, {"अनन्या", "ananya"}, {"अर्जुन", "arjun"}, {"दीपिका", "deepika"}, {"विक्रम", "vikram"}, {"Aarav", "aarav"}, {"Isha", "isha"}},
		last:    []name{{"शर्मा", "sharma"}, {"वर्मा", "verma"}, {"गुप्ता", "gupta"}, {"सिंह", "singh"}, {"Patel", "patel"}, {"Reddy", "reddy"}, {"Iyer", "iyer"}, {"Nair", "nair"}}},
	{weight: 3, tag: "el-GR", joiner: " ", phoneCode: "+30", areas: []string{"69"},
		domains: []string{"otenet.gr"},
		first:   []name{{"Ελένη", "eleni"}, {"Γιώργος", "giorgos"}, {"Μαρία", "maria"}, {"Νίκος", "nikos"}, {"Σοφία", "sofia"}, {"Δημήτρης", "dimitris"}},
		last:    []name{{"Παπαδοπούλου", "papadopoulou"}, {"Παπαδόπουλος", "papadopoulos"}, {"Νικολάου", "nikolaou"}, {"Γεωργίου", "georgiou"}, {"Οικονόμου", "oikonomou"}}},
	{weight: 3, tag: "he-IL", joiner: " ", phoneCode: "+972", areas: []string{"50", "52", "54"},
		domains: []string{"walla.co.il"},
		first:   []name{{"נועה", "noa"}, {"דוד", "david"}, {"תמר", "tamar"}, {"יוסי", "yossi"}},
		last:    []name{{"כהן", "cohen"}, {"לוי", "levi"}, {"מזרחי", "mizrahi"}, {"פרץ", "peretz"}}},
	{weight: 4, tag: "vi-VN", joiner: " ", phoneCode: "+84", areas: []string{"90", "91", "98"},
		domains:     []string{"vnn.vn"},
		familyFirst: true,
		first:       []name{{"Thảo", "thao"}, {"Anh", "anh"}, {"Hương", "huong"}, {"Dũng", "dung"}, {"Minh", "minh"}, {"Phương", "phuong"}},
		last:        []name{{"Nguyễn Thị", "nguyen"}, {"Trần", "tran"}, {"Lê", "le"}, {"Phạm", "pham"}, {"Hoàng", "hoang"}, {"Võ", "vo"}}},
	{weight: 4, tag: "tr-TR", joiner: " ", phoneCode: "+90", areas: []string{"532", "533", "542"},
		domains: []string{"turk.net"},
		first:   []name{{"Ayşe", "ayse"}, {"Mehmet", "mehmet"}, {"Zeynep", "zeynep"}, {"Çağan", "cagan"}, {"Gülşen", "gulsen"}, {"İlker", "ilker"}},
		last:    []name{{"Yılmaz", "yilmaz"}, {"Kaya", "kaya"}, {"Demir", "demir"}, {"Şahin", "sahin"}, {"Çelik", "celik"}, {"Öztürk", "ozturk"}}},
	{weight: 4, tag: "pt-BR", joiner: " ", phoneCode: "+55", areas: []string{"11", "21", "31"},
		domains: []string{"uol.com.br", "bol.com.br"},
		first:   []name{{"João", "joao"}, {"Ana", "ana"}, {"Luís", "luis"}, {"Beatriz", "beatriz"}, {"Conceição", "conceicao"}, {"Thiago", "thiago"}},
		last:    []name{{"Silva", "silva"}, {"Santos", "santos"}, {"Oliveira", "oliveira"}, {"Conceição", "conceicao"}, {"Araújo", "araujo"}, {"Gonçalves", "goncalves"}}},
	{weight: 3, tag: "en-NG", joiner: " ", phoneCode: "+234", areas: []string{"803", "806", "813"},
		domains: []string{"mtn.ng"},
		first:   []name{{"Adébáyọ̀", "adebayo"}, {"Chiamaka", "chiamaka"}, {"Olúwaseun", "oluwaseun"}, {"Ngozi", "ngozi"}, {"Emeka", "emeka"}},
		last:    []name{{"Okonkwo", "okonkwo"}, {"Adéyẹmí", "adeyemi"}, {"Balogun", "balogun"}, {"Eze", "eze"}, {"Okafor", "okafor"}}},
}

// tagSets are the tag combinations generated people carry; most people have none.
var tagSets = [][]string{
	{"vip"}, {"beta"}, {"trial"}, {"enterprise"}, {"churn-risk"}, {"partner"},
	{"vip", "enterprise"}, {"beta", "trial"}, {"enterprise", "eu"}, {"trial", "apac"},
	{"vip", "churn-risk"}, {"beta", "us"},
}
