-- vBulletin 4.x tables written by safeguard.synth.vbulletin4 (no table prefix).
-- vBulletin is not open source and its installer is not shipped here. These
-- definitions were reconstructed for Safeguard from docs/formats.md (shared
-- notes, section A2) and the mapping fixture tests/ingest/mappings/data/vbulletin4.sql;
-- column names and types were checked against a vBulletin 4.1.5 installer
-- (install/mysql-schema.php) seen in a public repository, not copied. Columns a
-- forum analysis never reads are left out: the tables are abridged, not complete.
-- vB 3.8/4.0/4.1 store IPs as CHAR(15) dotted text; tables are latin1, as vB's
-- default install.

CREATE TABLE forum (
  forumid SMALLINT UNSIGNED NOT NULL auto_increment,
  styleid SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  title VARCHAR(100) NOT NULL DEFAULT '',
  title_clean VARCHAR(100) NOT NULL DEFAULT '',
  description TEXT,
  description_clean TEXT,
  options INT UNSIGNED NOT NULL DEFAULT '0',
  displayorder SMALLINT NOT NULL DEFAULT '0',
  replycount INT UNSIGNED NOT NULL DEFAULT '0',
  lastpost INT NOT NULL DEFAULT '0',
  lastposter VARCHAR(100) NOT NULL DEFAULT '',
  lastposterid INT UNSIGNED NOT NULL DEFAULT '0',
  lastpostid INT UNSIGNED NOT NULL DEFAULT '0',
  lastthread VARCHAR(250) NOT NULL DEFAULT '',
  lastthreadid INT UNSIGNED NOT NULL DEFAULT '0',
  threadcount MEDIUMINT UNSIGNED NOT NULL DEFAULT '0',
  daysprune SMALLINT NOT NULL DEFAULT '0',
  parentid SMALLINT NOT NULL DEFAULT '0',
  parentlist VARCHAR(250) NOT NULL DEFAULT '',
  password VARCHAR(50) NOT NULL DEFAULT '',
  link VARCHAR(200) NOT NULL DEFAULT '',
  childlist TEXT,
  PRIMARY KEY (forumid)
);

CREATE TABLE pm (
  pmid INT UNSIGNED NOT NULL auto_increment,
  pmtextid INT UNSIGNED NOT NULL DEFAULT '0',
  userid INT UNSIGNED NOT NULL DEFAULT '0',
  folderid SMALLINT NOT NULL DEFAULT '0',
  messageread SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  parentpmid INT UNSIGNED NOT NULL DEFAULT '0',
  PRIMARY KEY (pmid),
  KEY pmtextid (pmtextid),
  KEY userid (userid,folderid)
);

CREATE TABLE pmtext (
  pmtextid INT UNSIGNED NOT NULL auto_increment,
  fromuserid INT UNSIGNED NOT NULL DEFAULT '0',
  fromusername VARCHAR(100) NOT NULL DEFAULT '',
  title VARCHAR(250) NOT NULL DEFAULT '',
  message MEDIUMTEXT,
  touserarray MEDIUMTEXT,
  iconid SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  dateline INT UNSIGNED NOT NULL DEFAULT '0',
  showsignature SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  allowsmilie SMALLINT UNSIGNED NOT NULL DEFAULT '1',
  reportthreadid INT UNSIGNED NOT NULL DEFAULT '0',
  PRIMARY KEY (pmtextid),
  KEY fromuserid (fromuserid,dateline)
);

CREATE TABLE post (
  postid INT UNSIGNED NOT NULL auto_increment,
  threadid INT UNSIGNED NOT NULL DEFAULT '0',
  parentid INT UNSIGNED NOT NULL DEFAULT '0',
  username VARCHAR(100) NOT NULL DEFAULT '',
  userid INT UNSIGNED NOT NULL DEFAULT '0',
  title VARCHAR(250) NOT NULL DEFAULT '',
  dateline INT UNSIGNED NOT NULL DEFAULT '0',
  pagetext MEDIUMTEXT,
  allowsmilie SMALLINT NOT NULL DEFAULT '0',
  showsignature SMALLINT NOT NULL DEFAULT '0',
  ipaddress CHAR(15) NOT NULL DEFAULT '',
  iconid SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  visible SMALLINT NOT NULL DEFAULT '0',
  attach SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  infraction SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  reportthreadid INT UNSIGNED NOT NULL DEFAULT '0',
  htmlstate ENUM('off','on','on_nl2br') NOT NULL DEFAULT 'on_nl2br',
  PRIMARY KEY (postid),
  KEY userid (userid),
  KEY threadid (threadid,userid),
  KEY dateline (dateline),
  KEY ipaddress (ipaddress)
);

CREATE TABLE session (
  sessionhash CHAR(32) NOT NULL DEFAULT '',
  userid INT UNSIGNED NOT NULL DEFAULT '0',
  host CHAR(15) NOT NULL DEFAULT '',
  idhash CHAR(32) NOT NULL DEFAULT '',
  lastactivity INT UNSIGNED NOT NULL DEFAULT '0',
  location CHAR(255) NOT NULL DEFAULT '',
  useragent CHAR(100) NOT NULL DEFAULT '',
  styleid SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  languageid SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  loggedin SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  inforum SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  inthread INT UNSIGNED NOT NULL DEFAULT '0',
  PRIMARY KEY (sessionhash),
  KEY user_activity (userid,lastactivity)
);

CREATE TABLE strikes (
  striketime INT UNSIGNED NOT NULL DEFAULT '0',
  strikeip CHAR(15) NOT NULL DEFAULT '',
  username VARCHAR(100) NOT NULL DEFAULT '',
  KEY striketime (striketime),
  KEY strikeip (strikeip)
);

CREATE TABLE thread (
  threadid INT UNSIGNED NOT NULL auto_increment,
  title VARCHAR(250) NOT NULL DEFAULT '',
  prefixid VARCHAR(25) NOT NULL DEFAULT '',
  firstpostid INT UNSIGNED NOT NULL DEFAULT '0',
  lastpostid INT UNSIGNED NOT NULL DEFAULT '0',
  lastpost INT UNSIGNED NOT NULL DEFAULT '0',
  forumid SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  pollid INT UNSIGNED NOT NULL DEFAULT '0',
  open SMALLINT NOT NULL DEFAULT '0',
  replycount INT UNSIGNED NOT NULL DEFAULT '0',
  postusername VARCHAR(100) NOT NULL DEFAULT '',
  postuserid INT UNSIGNED NOT NULL DEFAULT '0',
  lastposter VARCHAR(100) NOT NULL DEFAULT '',
  lastposterid INT UNSIGNED NOT NULL DEFAULT '0',
  dateline INT UNSIGNED NOT NULL DEFAULT '0',
  views INT UNSIGNED NOT NULL DEFAULT '0',
  iconid SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  notes VARCHAR(250) NOT NULL DEFAULT '',
  visible SMALLINT NOT NULL DEFAULT '0',
  sticky SMALLINT NOT NULL DEFAULT '0',
  PRIMARY KEY (threadid),
  KEY postuserid (postuserid),
  KEY forumid (forumid,visible,sticky,lastpost),
  KEY dateline (dateline)
);

CREATE TABLE user (
  userid INT UNSIGNED NOT NULL auto_increment,
  usergroupid SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  membergroupids CHAR(250) NOT NULL DEFAULT '',
  displaygroupid SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  username VARCHAR(100) NOT NULL DEFAULT '',
  password CHAR(32) NOT NULL DEFAULT '',
  passworddate DATE NOT NULL DEFAULT '0000-00-00',
  email CHAR(100) NOT NULL DEFAULT '',
  styleid SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  parentemail CHAR(50) NOT NULL DEFAULT '',
  homepage CHAR(100) NOT NULL DEFAULT '',
  icq CHAR(20) NOT NULL DEFAULT '',
  aim CHAR(20) NOT NULL DEFAULT '',
  yahoo CHAR(32) NOT NULL DEFAULT '',
  msn CHAR(100) NOT NULL DEFAULT '',
  skype CHAR(32) NOT NULL DEFAULT '',
  showbirthday SMALLINT UNSIGNED NOT NULL DEFAULT '2',
  usertitle CHAR(250) NOT NULL DEFAULT '',
  customtitle SMALLINT NOT NULL DEFAULT '0',
  joindate INT UNSIGNED NOT NULL DEFAULT '0',
  daysprune SMALLINT NOT NULL DEFAULT '0',
  lastvisit INT UNSIGNED NOT NULL DEFAULT '0',
  lastactivity INT UNSIGNED NOT NULL DEFAULT '0',
  lastpost INT UNSIGNED NOT NULL DEFAULT '0',
  lastpostid INT UNSIGNED NOT NULL DEFAULT '0',
  posts INT UNSIGNED NOT NULL DEFAULT '0',
  reputation INT NOT NULL DEFAULT '10',
  reputationlevelid INT UNSIGNED NOT NULL DEFAULT '1',
  timezoneoffset CHAR(4) NOT NULL DEFAULT '',
  options INT UNSIGNED NOT NULL DEFAULT '33570831',
  birthday CHAR(10) NOT NULL DEFAULT '',
  birthday_search DATE NOT NULL DEFAULT '0000-00-00',
  ipaddress CHAR(15) NOT NULL DEFAULT '',
  referrerid INT UNSIGNED NOT NULL DEFAULT '0',
  languageid SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  pmtotal SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  pmunread SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  salt CHAR(30) NOT NULL DEFAULT '',
  PRIMARY KEY (userid),
  KEY usergroupid (usergroupid),
  KEY username (username),
  KEY referrerid (referrerid),
  KEY email (email)
);

CREATE TABLE userban (
  userid INT UNSIGNED NOT NULL DEFAULT '0',
  usergroupid SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  displaygroupid SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  usertitle VARCHAR(250) NOT NULL DEFAULT '',
  customtitle SMALLINT NOT NULL DEFAULT '0',
  adminid INT UNSIGNED NOT NULL DEFAULT '0',
  bandate INT UNSIGNED NOT NULL DEFAULT '0',
  liftdate INT UNSIGNED NOT NULL DEFAULT '0',
  reason VARCHAR(250) NOT NULL DEFAULT '',
  PRIMARY KEY (userid),
  KEY liftdate (liftdate)
);

CREATE TABLE userfield (
  userid INT UNSIGNED NOT NULL DEFAULT '0',
  temp MEDIUMTEXT,
  field1 MEDIUMTEXT,
  field2 MEDIUMTEXT,
  field3 MEDIUMTEXT,
  field4 MEDIUMTEXT,
  PRIMARY KEY (userid)
);

CREATE TABLE usergroup (
  usergroupid SMALLINT UNSIGNED NOT NULL auto_increment,
  title CHAR(100) NOT NULL DEFAULT '',
  description VARCHAR(250) NOT NULL DEFAULT '',
  usertitle CHAR(100) NOT NULL DEFAULT '',
  pmquota SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  pmsendmax SMALLINT UNSIGNED NOT NULL DEFAULT '5',
  opentag CHAR(100) NOT NULL DEFAULT '',
  closetag CHAR(100) NOT NULL DEFAULT '',
  ispublicgroup SMALLINT UNSIGNED NOT NULL DEFAULT '0',
  forumpermissions INT UNSIGNED NOT NULL DEFAULT '0',
  pmpermissions INT UNSIGNED NOT NULL DEFAULT '0',
  adminpermissions INT UNSIGNED NOT NULL DEFAULT '0',
  genericpermissions INT UNSIGNED NOT NULL DEFAULT '0',
  PRIMARY KEY (usergroupid)
);

CREATE TABLE usertextfield (
  userid INT UNSIGNED NOT NULL DEFAULT '0',
  subfolders MEDIUMTEXT,
  pmfolders MEDIUMTEXT,
  buddylist MEDIUMTEXT,
  ignorelist MEDIUMTEXT,
  signature MEDIUMTEXT,
  searchprefs MEDIUMTEXT,
  rank MEDIUMTEXT,
  PRIMARY KEY (userid)
);
