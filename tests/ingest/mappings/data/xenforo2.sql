-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: localhost    Database: xf2
-- ------------------------------------------------------
-- Synthetic XenForo 2.2 forum for Safeguard's mapping tests: invented people, ordinary chatter.
-- XenForo is not open source: tables and columns follow Safeguard's formats.md notes;
-- xf_user, xf_user_profile, xf_thread and xf_conversation_master are abridged.
-- varbinary columns appear in all three dump spellings: 0x hex, _binary '…' and plain '…'.

/*!40101 SET NAMES utf8mb4 */;

DROP TABLE IF EXISTS `xf_user`;
CREATE TABLE `xf_user` (
  `user_id` int unsigned NOT NULL AUTO_INCREMENT,
  `username` varchar(50) NOT NULL,
  `email` varchar(120) NOT NULL,
  `custom_title` varchar(50) NOT NULL DEFAULT '',
  `language_id` int unsigned NOT NULL,
  `style_id` int unsigned NOT NULL,
  `timezone` varchar(50) NOT NULL,
  `visible` tinyint unsigned NOT NULL DEFAULT '1',
  `user_group_id` int unsigned NOT NULL,
  `secondary_group_ids` varbinary(255) NOT NULL,
  `display_style_group_id` int unsigned NOT NULL DEFAULT '0',
  `message_count` int unsigned NOT NULL DEFAULT '0',
  `register_date` int unsigned NOT NULL DEFAULT '0',
  `last_activity` int unsigned NOT NULL DEFAULT '0',
  `user_state` enum('valid','email_confirm','email_confirm_edit','moderated','email_bounce','rejected','disabled') NOT NULL DEFAULT 'valid',
  `is_moderator` tinyint unsigned NOT NULL DEFAULT '0',
  `is_admin` tinyint unsigned NOT NULL DEFAULT '0',
  `is_banned` tinyint unsigned NOT NULL DEFAULT '0',
  `is_staff` tinyint unsigned NOT NULL DEFAULT '0',
  `secret_key` varbinary(32) NOT NULL,
  PRIMARY KEY (`user_id`),
  UNIQUE KEY `username` (`username`)
) ENGINE=InnoDB AUTO_INCREMENT=6 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

LOCK TABLES `xf_user` WRITE;
/*!40000 ALTER TABLE `xf_user` DISABLE KEYS */;
INSERT INTO `xf_user` VALUES (1,'admin_zoe','zoe.xf@gmail.com','',1,0,'Europe/London',1,2,0x332C34,3,2,1483228800,1514764800,'valid',1,1,0,1,0x6B6579),(2,'mod_yusuf','yusuf@web.de','',1,0,'Europe/Istanbul',1,2,_binary '4',4,1,1483315200,1514851200,'valid',1,0,0,1,_binary 'key'),(3,'star_xi 🌟','xi@laposte.net','Stargazer \"XI\"',1,0,'Asia/Shanghai',1,2,'',0,0,1483401600,1514937600,'valid',0,0,0,0,'key'),(4,'\'); DROP TABLE x;--','spam@example.net','',1,0,'UTC',1,2,'',0,0,1483488000,1483488100,'valid',0,0,1,0,'key'),(5,'new_nora','nora@yahoo.co.uk','',1,0,'UTC',1,1,'',0,0,1483574400,1483574400,'email_confirm',0,0,0,0,'key');
/*!40000 ALTER TABLE `xf_user` ENABLE KEYS */;
UNLOCK TABLES;

DROP TABLE IF EXISTS `xf_user_group`;
CREATE TABLE `xf_user_group` (
  `user_group_id` int unsigned NOT NULL AUTO_INCREMENT,
  `title` varchar(50) NOT NULL,
  `display_style_priority` int unsigned NOT NULL DEFAULT '0',
  `username_css` text NOT NULL,
  `user_title` varchar(100) NOT NULL DEFAULT '',
  `banner_css_class` varchar(75) NOT NULL DEFAULT '',
  `banner_text` varchar(100) NOT NULL DEFAULT '',
  PRIMARY KEY (`user_group_id`)
) ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4;

LOCK TABLES `xf_user_group` WRITE;
INSERT INTO `xf_user_group` VALUES (1,'Unregistered / Unconfirmed',0,'','Guest','',''),(2,'Registered',0,'','','',''),(3,'Administrative',1000,'','Administrator','userBanner--red','Staff Member'),(4,'Moderating',900,'','Moderator','userBanner--primary','Staff Member');
UNLOCK TABLES;

DROP TABLE IF EXISTS `xf_user_profile`;
CREATE TABLE `xf_user_profile` (
  `user_id` int unsigned NOT NULL,
  `dob_day` tinyint unsigned NOT NULL DEFAULT '0',
  `dob_month` tinyint unsigned NOT NULL DEFAULT '0',
  `dob_year` smallint unsigned NOT NULL DEFAULT '0',
  `signature` text NOT NULL,
  `website` text NOT NULL,
  `location` varchar(50) NOT NULL DEFAULT '',
  `following` text NOT NULL,
  `ignored` text NOT NULL,
  `about` text NOT NULL,
  `custom_fields` mediumblob NOT NULL,
  PRIMARY KEY (`user_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `xf_user_profile` WRITE;
INSERT INTO `xf_user_profile` VALUES (1,14,3,1988,'[b]Site admin[/b]','https://example.org/zoe','Bristol','','','I coach the under-12 team',_binary 'a:0:{}'),(2,0,0,0,'','','','','','',_binary 'a:1:{s:5:\"skype\";s:10:\"yusuf.live\";}'),(3,2,11,0,'','','Lyon 🥐','','','',_binary 'a:0:{}');
UNLOCK TABLES;

DROP TABLE IF EXISTS `xf_user_authenticate`;
CREATE TABLE `xf_user_authenticate` (
  `user_id` int unsigned NOT NULL,
  `scheme_class` varchar(100) NOT NULL,
  `data` mediumblob NOT NULL,
  PRIMARY KEY (`user_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `xf_user_authenticate` WRITE;
INSERT INTO `xf_user_authenticate` VALUES (1,'XF:Core12',_binary 'a:1:{s:4:\"hash\";s:60:\"$2y$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy\";}'),(2,'XF:Core12',0x613A313A7B733A343A2268617368223B733A36303A22243279243130244142434445464748494A4B4C4D4E4F505152535475765A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A223B7D);
UNLOCK TABLES;

DROP TABLE IF EXISTS `xf_user_ban`;
CREATE TABLE `xf_user_ban` (
  `user_id` int unsigned NOT NULL,
  `ban_user_id` int unsigned NOT NULL,
  `ban_date` int unsigned NOT NULL DEFAULT '0',
  `end_date` int unsigned NOT NULL DEFAULT '0',
  `user_reason` varchar(255) NOT NULL,
  `triggered` tinyint unsigned NOT NULL DEFAULT '1',
  PRIMARY KEY (`user_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `xf_user_ban` WRITE;
INSERT INTO `xf_user_ban` VALUES (4,1,1483490000,0,'Spam',0);
UNLOCK TABLES;

DROP TABLE IF EXISTS `xf_user_field_value`;
CREATE TABLE `xf_user_field_value` (
  `user_id` int unsigned NOT NULL,
  `field_id` varbinary(25) NOT NULL,
  `field_value` mediumtext NOT NULL,
  PRIMARY KEY (`user_id`,`field_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `xf_user_field_value` WRITE;
INSERT INTO `xf_user_field_value` VALUES (2,_binary 'skype','yusuf.live'),(2,0x74776974746572,'@yusuf_x');
UNLOCK TABLES;

DROP TABLE IF EXISTS `xf_ip`;
CREATE TABLE `xf_ip` (
  `ip_id` int unsigned NOT NULL AUTO_INCREMENT,
  `user_id` int unsigned NOT NULL,
  `content_type` varbinary(25) NOT NULL,
  `content_id` int unsigned NOT NULL,
  `action` varbinary(25) NOT NULL DEFAULT '',
  `ip` varbinary(16) NOT NULL,
  `log_date` int unsigned NOT NULL,
  PRIMARY KEY (`ip_id`),
  KEY `user_id_log_date` (`user_id`,`log_date`)
) ENGINE=InnoDB AUTO_INCREMENT=10 DEFAULT CHARSET=utf8mb4;

LOCK TABLES `xf_ip` WRITE;
/*!40000 ALTER TABLE `xf_ip` DISABLE KEYS */;
INSERT INTO `xf_ip` VALUES (1,1,0x75736572,1,0x7265676973746572,0xC633641E,1483228800),(2,2,_binary 'user',2,_binary 'register',0x20010DB8000000000000000000000030,1483315200),(3,3,'user',3,'register',0xCB00711F,1483401600),(4,1,_binary 'user',1,_binary 'login',0xC633641F,1514764000),(5,1,_binary 'post',1,_binary 'insert',0xC633641E,1483600000),(6,2,_binary 'post',2,_binary 'insert',0x20010DB8000000000000000000000030,1483700000),(7,3,_binary 'post',3,_binary 'insert',0xCB00711F,1483800000),(8,1,_binary 'conversation_message',1,_binary 'insert',0xC633641F,1483900000),(9,2,_binary 'conversation_message',2,_binary 'insert',0x20010DB8000000000000000000000031,1484000000);
/*!40000 ALTER TABLE `xf_ip` ENABLE KEYS */;
UNLOCK TABLES;

DROP TABLE IF EXISTS `xf_thread`;
CREATE TABLE `xf_thread` (
  `thread_id` int unsigned NOT NULL AUTO_INCREMENT,
  `node_id` int unsigned NOT NULL,
  `title` varchar(150) NOT NULL,
  `reply_count` int unsigned NOT NULL DEFAULT '0',
  `view_count` int unsigned NOT NULL DEFAULT '0',
  `user_id` int unsigned NOT NULL,
  `username` varchar(50) NOT NULL,
  `post_date` int unsigned NOT NULL,
  `first_post_id` int unsigned NOT NULL,
  PRIMARY KEY (`thread_id`)
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4;

LOCK TABLES `xf_thread` WRITE;
INSERT INTO `xf_thread` VALUES (1,2,'Stargazing night <3 & telescopes',2,50,1,'admin_zoe',1483600000,1);
UNLOCK TABLES;

DROP TABLE IF EXISTS `xf_post`;
CREATE TABLE `xf_post` (
  `post_id` int unsigned NOT NULL AUTO_INCREMENT,
  `thread_id` int unsigned NOT NULL,
  `user_id` int unsigned NOT NULL,
  `username` varchar(50) NOT NULL,
  `post_date` int unsigned NOT NULL,
  `message` mediumtext NOT NULL,
  `ip_id` int unsigned NOT NULL DEFAULT '0',
  `message_state` enum('visible','moderated','deleted') NOT NULL DEFAULT 'visible',
  `attach_count` smallint unsigned NOT NULL DEFAULT '0',
  `position` int unsigned NOT NULL,
  `reaction_score` int NOT NULL DEFAULT '0',
  `reactions` blob,
  `reaction_users` blob NOT NULL,
  `warning_id` int unsigned NOT NULL DEFAULT '0',
  `warning_message` varchar(255) NOT NULL DEFAULT '',
  `last_edit_date` int unsigned NOT NULL DEFAULT '0',
  `last_edit_user_id` int unsigned NOT NULL DEFAULT '0',
  `edit_count` int unsigned NOT NULL DEFAULT '0',
  `embed_metadata` blob,
  PRIMARY KEY (`post_id`),
  KEY `thread_id_post_date` (`thread_id`,`post_date`)
) ENGINE=InnoDB AUTO_INCREMENT=4 DEFAULT CHARSET=utf8mb4;

LOCK TABLES `xf_post` WRITE;
/*!40000 ALTER TABLE `xf_post` DISABLE KEYS */;
INSERT INTO `xf_post` VALUES (1,1,1,'admin_zoe',1483600000,'Clear skies [B]Friday[/B]! See [URL=\'https://example.org/sky\']the forecast[/URL].',5,'visible',0,0,0,_binary '[]',_binary '[]',0,'',0,0,0,NULL),(2,1,2,'mod_yusuf',1483700000,'[QUOTE=\"admin_zoe, post: 1, member: 1\"]Clear skies[/QUOTE]\nI\'ll bring my 8\" dob \\ tripod',6,'visible',0,1,0,_binary '[]',_binary '[]',0,'',1483710000,2,1,NULL),(3,1,3,'star_xi 🌟',1483800000,'\'); DROP TABLE x;-- lol my cat 🐈',7,'visible',0,2,0,_binary '[]',_binary '[]',0,'',0,0,0,NULL);
/*!40000 ALTER TABLE `xf_post` ENABLE KEYS */;
UNLOCK TABLES;

DROP TABLE IF EXISTS `xf_conversation_master`;
CREATE TABLE `xf_conversation_master` (
  `conversation_id` int unsigned NOT NULL AUTO_INCREMENT,
  `title` varchar(150) NOT NULL,
  `user_id` int unsigned NOT NULL,
  `username` varchar(50) NOT NULL,
  `start_date` int unsigned NOT NULL,
  `open_invite` tinyint unsigned NOT NULL DEFAULT '0',
  `conversation_open` tinyint unsigned NOT NULL DEFAULT '1',
  `reply_count` int unsigned NOT NULL DEFAULT '0',
  `recipient_count` int unsigned NOT NULL DEFAULT '0',
  `first_message_id` int unsigned NOT NULL,
  `recipients` mediumblob NOT NULL,
  PRIMARY KEY (`conversation_id`)
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4;

LOCK TABLES `xf_conversation_master` WRITE;
INSERT INTO `xf_conversation_master` VALUES (1,'Club rota',1,'admin_zoe',1483900000,0,1,1,3,1,_binary '{\"2\":{\"user_id\":2,\"username\":\"mod_yusuf\"},\"3\":{\"user_id\":3,\"username\":\"star_xi\"}}');
UNLOCK TABLES;

DROP TABLE IF EXISTS `xf_conversation_recipient`;
CREATE TABLE `xf_conversation_recipient` (
  `conversation_id` int unsigned NOT NULL,
  `user_id` int unsigned NOT NULL,
  `recipient_state` enum('active','deleted','deleted_ignored') NOT NULL,
  `last_read_date` int unsigned NOT NULL,
  PRIMARY KEY (`conversation_id`,`user_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `xf_conversation_recipient` WRITE;
INSERT INTO `xf_conversation_recipient` VALUES (1,1,'active',1484000000),(1,2,'active',1484000000),(1,3,'deleted',1483950000);
UNLOCK TABLES;

DROP TABLE IF EXISTS `xf_conversation_message`;
CREATE TABLE `xf_conversation_message` (
  `message_id` int unsigned NOT NULL AUTO_INCREMENT,
  `conversation_id` int unsigned NOT NULL,
  `message_date` int unsigned NOT NULL,
  `user_id` int unsigned NOT NULL,
  `username` varchar(50) NOT NULL,
  `message` mediumtext NOT NULL,
  `attach_count` smallint unsigned NOT NULL DEFAULT '0',
  `ip_id` int unsigned NOT NULL DEFAULT '0',
  `embed_metadata` blob,
  `reaction_score` int NOT NULL DEFAULT '0',
  `reactions` blob,
  `reaction_users` blob NOT NULL,
  PRIMARY KEY (`message_id`)
) ENGINE=InnoDB AUTO_INCREMENT=3 DEFAULT CHARSET=utf8mb4;

LOCK TABLES `xf_conversation_message` WRITE;
INSERT INTO `xf_conversation_message` VALUES (1,1,1483900000,1,'admin_zoe','Who can open the [I]observatory[/I] on Friday?',0,8,NULL,0,NULL,_binary '[]'),(2,1,1484000000,2,'mod_yusuf','Me \\o/ add me on <handle>',0,9,NULL,0,NULL,_binary '[]');
UNLOCK TABLES;

DROP TABLE IF EXISTS `xf_session_activity`;
CREATE TABLE `xf_session_activity` (
  `user_id` int unsigned NOT NULL,
  `unique_key` varbinary(16) NOT NULL,
  `ip` varbinary(16) NOT NULL DEFAULT '',
  `controller_name` varchar(100) NOT NULL,
  `controller_action` varchar(75) NOT NULL,
  `view_state` enum('valid','error') NOT NULL,
  `params` varbinary(100) NOT NULL,
  `view_date` int unsigned NOT NULL,
  `robot_key` varbinary(25) NOT NULL DEFAULT '',
  PRIMARY KEY (`user_id`,`unique_key`)
) ENGINE=MEMORY DEFAULT CHARSET=utf8mb4;

LOCK TABLES `xf_session_activity` WRITE;
INSERT INTO `xf_session_activity` VALUES (1,0x00000001,0xC633641F,'XF:Forum','List','valid',_binary 'node_id=2',1514764800,''),(0,0xCB007163,0xCB007163,'XF:Thread','Index','valid',_binary 'thread_id=1',1514764900,_binary 'bing');
UNLOCK TABLES;

DROP TABLE IF EXISTS `xf_login_attempt`;
CREATE TABLE `xf_login_attempt` (
  `attempt_id` int unsigned NOT NULL AUTO_INCREMENT,
  `login` varchar(60) NOT NULL,
  `ip_address` varbinary(16) NOT NULL,
  `attempt_date` int unsigned NOT NULL,
  PRIMARY KEY (`attempt_id`)
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4;

LOCK TABLES `xf_login_attempt` WRITE;
INSERT INTO `xf_login_attempt` VALUES (1,'admin_zoe',0x20010DB8000000000000000000000099,1514700000);
UNLOCK TABLES;

-- Dump completed on 2018-01-01  0:30:00
